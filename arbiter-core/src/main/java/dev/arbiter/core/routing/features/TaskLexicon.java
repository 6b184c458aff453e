package dev.arbiter.core.routing.features;

import dev.arbiter.core.routing.TaskType;
import java.util.List;

/**
 * The task classifier's word evidence, kept apart from its arithmetic so it can be read and tuned in one place.
 * Each group holds lowercase words and phrases ("write a function") pointing at one task type; {@code *suffix}
 * entries match word endings ("*sphere"). Every distinct term found adds the group's weight, up to its cap. Weights
 * are log-odds: +1 makes a task e ≈ 2.7 times likelier. A "scaled" group is vocabulary whose meaning depends on how
 * much text surrounds it, so its sum shrinks in long texts (see {@link TaskScorer}); task phrases are not scaled.
 */
final class TaskLexicon {
    /** A group of terms that point at one task type. */
    record Group(String name, TaskType type, double weight, int cap, boolean scaled, String terms) {
        List<String> termList() {
            return List.of(terms.trim().split("\\s*,\\s*"));
        }
    }

    private TaskLexicon() {
    }

    static final Group CODE_TERMS = new Group("code-terms", TaskType.CODING, 1.2, 3, true, """
            programming, programmer, compile, compiler, debug, debugging, refactor, refactoring, python, java,
            javascript, typescript, golang, c++, c#, kotlin, php, sql, regex, regular expression, api endpoint,
            recursion, linked list, binary tree, hashmap, hash map, unit test, unit tests, stack trace,
            runtime error, syntax error, segfault, null pointer, nullpointerexception, npm, maven, gradle, docker,
            kubernetes, git, github, css, html, react, django, flask, node js, nodejs, codebase, backend,
            frontend, localhost, json parser, substring, boolean, sublist, sublists, async, await, setstate,
            useeffect, jquery, numpy, pandas, bash, powershell, linux, compiler error, dataframe, stdout, stdin""");

    static final Group CODE_WORDS = new Group("code-words", TaskType.CODING, 0.6, 4, true, """
            code, coding, program, function, functions, method, methods, class, variable, bug, api, script,
            algorithm, recursive, array, arrays, list of integers, list of numbers, list of strings, dictionary,
            tuple, tuples, string, strings, integer, returns, return the, implement, snippet, library, framework,
            exception, lambda, iterate, loop, parameter, argument, repository, function that, input string,
            given string, given list, given array, palindrome, nested list, component, database, query, server""");

    static final Group CODE_TASKS = new Group("code-tasks", TaskType.CODING, 2.5, 2, false, """
            write a function, write a python function, write a program, write code, write a script,
            write a method, write a class, write a query, write a sql, implement a function, implement the function,
            complete the function, complete the code, fix the bug, fix this code, debug this, this code, my code,
            in python, in java, in javascript, in typescript, in rust, in c++, in golang, time complexity,
            python function, python script, javascript function, code review, pull request, compile error,
            sql query, this function, my function, this script, this query""");

    static final Group MATH_TERMS = new Group("math-terms", TaskType.MATH, 1.0, 4, true, """
            equation, equations, integer, integers, positive integer, positive integers, prime, primes, prime number,
            divisible, divisor, divisors, remainder, quotient, fraction, fractions, common fraction, polynomial,
            derivative, integral, matrix, determinant, eigenvalue, vector, triangle, triangles, circle, radius,
            diameter, circumference, perimeter, hypotenuse, rectangle, rectangular, polygon, hexagon, pentagon,
            diagonal, diagonals, parallelogram, trapezoid, square root, squared, cubed, exponent, logarithm,
            least common multiple, greatest common factor, greatest common divisor, lcm, gcd, factorial,
            permutation, permutations, combinations, probability, arithmetic, algebra, geometry, calculus,
            trigonometry, inequality, inequalities, sequence, arithmetic sequence, geometric sequence, series,
            modulo, parabola, slope, intercept, coordinate, coordinates, real number, real numbers, odd integer,
            even integer, digits, digit, decimal, simplify, evaluate, solve, calculate, compute, expression,
            multiple of, factor of, sum of, product of, percent, percentage, average, mean, median, ratio""");

    static final Group MATH_WORDS = new Group("math-words", TaskType.MATH, 0.5, 3, true, """
            total, altogether, in total, combined, each, per, twice, half, double, triple, third, quarter, fifth,
            dozen, hundred, thousand, three, four, five, six, seven, eight, nine, ten, eleven, twelve, twenty,
            thirty, fifty, times as many, more than, less than, fewer, remaining, left over, cost, costs, price,
            earns, spent, sells, bought, discount, profit, area, volume, angle, degrees, sum, product, minimum,
            maximum, least, greatest, largest, smallest, number, numbers, value, original number""");

    static final Group QUANTITY_QUESTIONS = new Group("quantity-questions", TaskType.MATH, 0.9, 1, false, """
            how many, how much, how long, how far, how old, how fast, what is the total, what was the total,
            what is the value, what is the sum, what is the product, what percentage, what percent, what fraction,
            what is the probability, what is the area, find the value, find the sum, find the number,
            express your answer, round to the nearest""");

    static final Group MATH_TASKS = new Group("math-tasks", TaskType.MATH, 1.8, 2, false, """
            prove, prove that, theorem, lemma, solve for, find all, step by step solution,
            word problem, math problem, math question""");

    static final Group SCIENCE_TERMS = new Group("science-terms", TaskType.SCIENCE, 1.1, 5, true, """
            photosynthesis, chlorophyll, respiration, cellular, cell membrane, nucleus, mitochondria, chromosome,
            chromosomes, dna, rna, gene, genes, genetic, genetics, heredity, inherited, allele, mutation, mutations,
            evolution, natural selection, adaptation, species, organism, organisms, ecosystem, food chain, food web,
            decomposer, decomposers, predator, predators, prey, habitat, habitats, biome, offspring, reproduce,
            reproduction, pollination, pollen, germination, vertebrate, invertebrate, invertebrates, mammal,
            mammals, reptile, reptiles, amphibian, amphibians, insect, insects, bacteria, microorganism,
            microorganisms, fungi, enzyme, enzymes, protein, proteins, hormone, hormones, digestion, digestive,
            circulatory, nervous system, immune system, antibodies, tissue, tissues, cell, cells, atom, atoms,
            atomic, molecule, molecules, molecular, electron, electrons, proton, protons, neutron, neutrons,
            isotope, isotopes, ion, ions, compound, compounds, periodic table, chemical, chemicals, reactant,
            reactants, catalyst, acid, acids, acidic, alkaline, ph, solvent, solute, dissolve, dissolves,
            precipitate, oxidation, combustion, evaporation, evaporate, evaporates, condensation, sublimation,
            boiling point, melting point, freezing point, states of matter, gravity, gravitational, friction,
            inertia, momentum, velocity, acceleration, kinetic, potential energy, thermal energy, conduction,
            convection, radiation, wavelength, frequency, amplitude, refraction, reflection, magnet, magnets,
            magnetic, magnetism, electromagnetic, electric current, circuit, circuits, voltage, conductor,
            conductors, insulator, insulators, earth's, tectonic, plate tectonics, crust, crustal, mantle, erosion,
            weathering, sediment, sediments, sedimentary, igneous, metamorphic, mineral, minerals, fossil, fossils,
            fossil fuels, volcano, volcanoes, volcanic, earthquake, earthquakes, glacier, glaciers, water cycle,
            precipitation, humidity, air mass, solar system, planet, planets, orbit, orbits, galaxy, comet,
            asteroid, telescope, eclipse, tides, lunar, hypothesis, experiment, experiments, controlled experiment,
            independent variable, dependent variable, observation, observations, scientist, scientists, scientific,
            investigation, microscope, thermometer, physics, chemistry, biology, geology, astronomy, ecology,
            celsius, fahrenheit, kelvin, joules, newtons, density, nutrients, organ, organs, *sphere, *synthesis,
            *oxide, *chloride, *ologist, h2o, co2, o2, nacl, ch4, renewable, nonrenewable, greenhouse gas,
            mitosis, meiosis, osmosis, diffusion, entropy, thermodynamics, quantum, relativity, noble gas, neon,
            argon, helium, sodium, potassium, calcium, chlorine, sulfur, nitrogen, hydrogen, uranium, ionic,
            covalent, electrolysis, nuclear fission, fusion, half-life, radioactive, photon, photons, ecosystem's,
            vaccine, vaccines, antibiotic, antibiotics, virus, viruses, neuron, neurons, metabolism, pathogen,
            climate change, global warming, ozone, carbon cycle, nitrogen cycle, biodiversity, invasive species,
            opaque, transparent, translucent, tornado, hurricane, smog, exothermic, endothermic, fertilizer,
            fertilizers, runoff, plateau, learned behavior, instinct, instincts, inherit, adaptive, test tube, beaker,
            electrode, electrodes, life cycle, food pyramid, greenhouse effect, water pollution, air pollution""");

    static final Group SCIENCE_WORDS = new Group("science-words", TaskType.SCIENCE, 0.5, 4, true, """
            science, energy, force, forces, heat, light, sound, waves, temperature, pressure, motion, mass, plant,
            plants, animal, animals, seed, seeds, soil, rock, rocks, ocean, oceans, environment, pollution, fuel,
            fuels, oxygen, carbon, carbon dioxide, nitrogen, hydrogen, blood, muscle, muscles, bones, matter,
            substance, substances, mixture, solution, metal, metals, electricity, battery, ice, melting, boiling,
            freezing, climate, weather, earth, sun, moon, star, stars, trait, traits, population, materials,
            gas, liquid, solid, water vapor, moisture, measure, measurement, rainfall, organism's, coal,
            theory, engineering, technology, laboratory, freeze, freezes, forest, rain, snow, wind""");

    /** How exam and quiz questions ask, in any subject; it points at knowledge questions (science in this scheme). */
    static final Group EXAM_STYLE = new Group("exam-style", TaskType.SCIENCE, 1.1, 1, false, """
            which of the following, which of these, which statement, best explains, best describes,
            best described, is an example of, are examples of, an example of a, most likely, which property,
            which process, which characteristic, which term, which event, which step, which factor, which best,
            which would, which type, which part, which change, which organ, which substance, which material,
            which tool, are all forms of, is a form of, the best way for, what causes, what happens when""");

    static final Group AGENTIC_WORDS = new Group("agentic-words", TaskType.AGENTIC, 1.0, 3, false, """
            use the tool, use the tools, call the tool, call the function, function call, tool call, tools available,
            search the web, browse the web, run the command, execute the command, in the terminal, bash command,
            you are an agent, autonomous agent, take actions, schedule a meeting, send an email, open the file,
            navigate to, click on, fill out the form, available tools, api call""");

    static final Group VISION_WORDS = new Group("vision-words", TaskType.VISION, 1.0, 2, false, """
            this image, the image, this picture, the picture, this photo, the photo, screenshot, in the image,
            attached image, the diagram, this chart, what do you see, describe the image, ocr""");

    static final Group EXTRACTION_WORDS = new Group("extraction-words", TaskType.EXTRACTION, 1.2, 3, false, """
            extract, extraction, json, return json, as json, in json, json object, yaml, csv, parse, structured,
            schema, fields, key-value, named entities, entities, list all, pull out, from the following text,
            from the text below, from this document, fill in the template, classify the following, tag each""");

    static final Group CREATIVE_WORDS = new Group("creative-words", TaskType.CREATIVE, 1.3, 3, false, """
            poem, poems, poetry, short story, haiku, limerick, sonnet, lyrics, song, verse, rhyme, rhyming,
            fairy tale, fiction, fictional, screenplay, novel, protagonist, plot twist, write a story, write a poem,
            write a song, write me a, tell me a story, creative writing, slogan, tagline, brainstorm, fantasy,
            bedtime story, dialogue between, in the style of, once upon a time, role-play, roleplay""");

    static final Group CHAT_WORDS = new Group("chat-words", TaskType.CHAT, 0.5, 3, true, """
            hello, hi, hey, thanks, thank you, please help, can you, could you, what do you think, your opinion,
            advice, recommend, recommendation, suggest, how are you, i feel, i want, i need, my friend,
            should i, my boss, my wife, my husband, my mom, my dad, vacation, trip, recipe, movie, favorite,
            dinner, lunch, weekend, birthday, party, gift, rude, polite, relationship, feel like, good morning""");

    static final List<Group> GROUPS = List.of(CODE_TERMS, CODE_WORDS, CODE_TASKS, MATH_TERMS, MATH_WORDS,
            QUANTITY_QUESTIONS, MATH_TASKS, SCIENCE_TERMS, SCIENCE_WORDS, EXAM_STYLE, AGENTIC_WORDS, VISION_WORDS, EXTRACTION_WORDS,
            CREATIVE_WORDS, CHAT_WORDS);
}
