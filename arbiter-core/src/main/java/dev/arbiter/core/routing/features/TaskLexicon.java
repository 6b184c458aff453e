package dev.arbiter.core.routing.features;

import dev.arbiter.core.routing.TaskType;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The task classifier's evidence, kept apart from its arithmetic so it can be read and tuned in one place: word and
 * phrase groups (each distinct term found adds the group's weight, up to its cap) and structural patterns (each match
 * adds the pattern's weight, up to its cap). Weights are in log-odds units: +1 makes a task e ≈ 2.7 times likelier.
 */
final class TaskLexicon {
    /** A group of lowercase words or phrases ("write a function") that point at one task type. */
    record Group(String name, TaskType type, double weight, int cap, String terms) {
        List<String> termList() {
            return List.of(terms.trim().split("\\s*,\\s*"));
        }
    }

    /** A structural cue: a regex whose matches point at one task type. */
    record Cue(String name, TaskType type, double weight, int cap, Pattern pattern) {
        static Cue of(String name, TaskType type, double weight, int cap, String regex) {
            return new Cue(name, type, weight, cap, Pattern.compile(regex, Pattern.MULTILINE));
        }
    }

    private TaskLexicon() {
    }

    static final List<Group> GROUPS = List.of(
            new Group("code-words", TaskType.CODING, 0.8, 4, """
                    code, coding, program, programming, function, functions, method, class, variable, compile,
                    compiler, debug, bug, refactor, python, java, javascript, typescript, rust, golang, c++, c#, kotlin,
                    sql, regex, regular expression, api, json parser, script, algorithm, recursion, recursive,
                    array, arrays, list of integers, linked list, binary tree, hash map, dictionary, tuple, string,
                    strings, substring, integer, boolean, return, returns, implement, snippet, library, framework,
                    unit test, stack trace, exception, runtime error, syntax error, segfault, null pointer, npm,
                    maven, docker, git, html, css, react, lambda, iterate, loop, parameter, argument, repository"""),
            new Group("code-tasks", TaskType.CODING, 2.5, 2, """
                    write a function, write a python function, write a program, write code, write a script,
                    write a method, write a class, write a query, implement a function, implement the function,
                    complete the function, complete the code, fix the bug, fix this code, debug this, this code,
                    my code, the code, in python, in java, in javascript, in rust, in c++, time complexity"""),
            new Group("math-words", TaskType.MATH, 0.7, 4, """
                    calculate, compute, solve, equation, equations, integer, integers, prime, primes, divisible,
                    remainder, sum, product, quotient, fraction, fractions, percent, percentage, average, ratio,
                    probability, digits, digit, polynomial, derivative, integral, matrix, vector, triangle, circle,
                    radius, area, perimeter, volume, angle, degrees, square, squared, root, roots, cube, factor,
                    factors, multiple, multiples, real number, real numbers, positive integer, geometry, algebra,
                    arithmetic, total, altogether, each, per, twice, half, how many, how much, how long,
                    what is the value, find the value, expression, simplify, evaluate, inequality, sequence, series,
                    modulo, logarithm, exponent, parabola, slope, coordinate, coordinates, minimum, maximum"""),
            new Group("math-tasks", TaskType.MATH, 1.8, 2, """
                    prove, prove that, show that, theorem, lemma, solve for, find all, compute the, calculate the,
                    what is the sum, what is the probability, how many ways, word problem, step by step solution"""),
            new Group("science-words", TaskType.SCIENCE, 0.55, 6, """
                    science, scientist, scientists, scientific, experiment, hypothesis, investigation, observation,
                    energy, force, gravity, friction, motion, velocity, acceleration, mass, density, pressure,
                    temperature, heat, thermal, light, sound, wave, waves, wavelength, frequency, electricity,
                    electric, circuit, magnet, magnetic, atom, atoms, atomic, molecule, molecules, electron, proton,
                    neutron, nucleus, element, elements, compound, chemical, reaction, acid, solution, mixture,
                    oxygen, carbon, hydrogen, nitrogen, carbon dioxide, water vapor, evaporation, condensation,
                    photosynthesis, cell, cells, organism, organisms, species, gene, genes, genetic, dna, rna, protein,
                    enzyme, bacteria, virus, evolution, inherited, trait, traits, ecosystem, habitat, predator, prey,
                    food chain, population, environment, climate, weather, planet, planets, earth's, solar system,
                    earth, sun, moon, star, stars, orbit, rock, rocks, mineral, minerals, soil, erosion, fossil, fossils,
                    sediment, sedimentary, volcano, earthquake, glacier, atmosphere, ocean, physics, chemistry,
                    biology, geology, astronomy, nutrient, nutrients, digestive, blood, organ, tissue, muscle,
                    plant, plants, animal, animals, seed, seeds, root system, reproduce, reproduction, kinetic,
                    potential energy, conductor, insulator, renewable, fuel, fuels, molecular, metabolism"""),
            new Group("agentic-words", TaskType.AGENTIC, 1.0, 3, """
                    use the tool, use the tools, call the tool, call the function, function call, tool call,
                    search the web, browse, browse the web, run the command, execute the command, terminal, shell,
                    you are an agent, autonomous agent, take actions, book a, schedule a meeting, send an email,
                    open the file, navigate to, click"""),
            new Group("vision-words", TaskType.VISION, 1.0, 2, """
                    this image, the image, this picture, the picture, this photo, the photo, screenshot,
                    in the image, attached image, diagram above, what do you see"""),
            new Group("extraction-words", TaskType.EXTRACTION, 1.2, 3, """
                    extract, extraction, json, return json, as json, in json, json object, yaml, csv, parse,
                    structured, schema, fields, key-value, named entities, entities, list all, pull out,
                    from the following text, from the text below, from this document, fill in the template,
                    classify the following, tag each"""),
            new Group("creative-words", TaskType.CREATIVE, 1.3, 3, """
                    poem, poems, poetry, story, stories, short story, haiku, limerick, sonnet, lyrics, song, verse,
                    rhyme, rhyming, fairy tale, fiction, fictional, screenplay, novel, character, characters, plot,
                    write a story, write a poem, write a song, write me a, tell me a story, imagine, creative,
                    slogan, tagline, brainstorm, fantasy, bedtime story, dialogue between"""),
            new Group("chat-words", TaskType.CHAT, 0.5, 3, """
                    hello, hi, hey, thanks, thank you, please help, can you, could you, what do you think,
                    your opinion, advice, recommend, recommendation, suggest, how are you, tell me about,
                    explain, why do, what's the difference, i feel, i want, i need, my friend, should i"""));

    static final List<Cue> CUES = List.of(
            Cue.of("code-fence", TaskType.CODING, 3.0, 1, "^\\s*```"),
            Cue.of("code-line", TaskType.CODING, 0.9, 5,
                    "^\\s*(?:def |class |import |from \\S+ import |#include|package |public |private |protected |"
                            + "function |const |let |var |func |fn |return |if \\(|for \\(|while \\(|\\}\\s*$|"
                            + "SELECT |CREATE TABLE|@Override|console\\.log|print\\()"),
            Cue.of("code-symbols", TaskType.CODING, 0.5, 4,
                    "=>|->\\s*\\w|::|\\);\\s*$|\\w\\(\\w*(?:, ?\\w+)*\\)\\s*(?:==|!=|;|:$)|!==|===|&&|\\|\\|"),
            Cue.of("doc-test", TaskType.CODING, 1.5, 2,
                    "^\\s*>>> |\\bassert\\s+\\w+\\(|\"\"\"|'''|/\\*|\\*/"),
            Cue.of("stack-trace", TaskType.CODING, 3.0, 1,
                    "Traceback \\(most recent call last\\)|^\\s+at [\\w.$<>]+\\([\\w.]+:\\d+\\)|Exception in thread"
                            + "|^\\w+(?:Error|Exception): |File \"[^\"]+\", line \\d+|^panic: |Segmentation fault"),
            Cue.of("latex", TaskType.MATH, 1.2, 3,
                    "\\\\(?:frac|sqrt|sum|int|cdot|times|leq?|geq?|pi|theta|alpha|beta|binom|left|right|begin"
                            + "|infty|lim|log|sin|cos|tan|dfrac|mathbf|mathrm|text)\\b|\\$[^$\\n]{1,80}\\$|\\[asy\\]"),
            Cue.of("arithmetic", TaskType.MATH, 0.8, 3,
                    "\\d\\s*[-+*/×÷^=<>≤≥]\\s*\\(?-?\\d|\\b\\d*[a-z]\\^\\d|[=<>]\\s*\\d+[a-z]\\b|\\b[fgh]\\([a-z0-9]\\)"),
            Cue.of("numbers", TaskType.MATH, 0.35, 6, "(?<![\\w.])\\$?\\d+(?:[.,]\\d+)?%?(?![\\w.])"),
            Cue.of("units", TaskType.SCIENCE, 0.7, 3,
                    "\\b\\d+(?:\\.\\d+)?\\s?(?:kg|mg|g|km|cm|mm|nm|m/s|m|mL|ml|L|K|°C|°F|J|kJ|N|W|kW|V|Hz|mol|Pa|kPa|atm"
                            + "|eV)\\b|\\b[A-Z][a-z]?\\d?[A-Z][a-z]?\\d\\b|\\bH2O\\b|\\bCO2\\b|\\bO2\\b"),
            Cue.of("multiple-choice", TaskType.SCIENCE, 0.0, 2, "^\\s*\\(?[A-D][).:]\\s*\\S"));

    /** How much the science vocabulary is trusted more inside a multiple-choice question (exam-style). */
    static final double MULTIPLE_CHOICE_SCIENCE_BONUS = 1.0;
    /** Prior score of plain chat: other tasks must collect at least this much evidence to win. */
    static final double CHAT_PRIOR = 1.5;
    static final double TOOLS_DEFINED = 4.0;
    static final double TOOL_TURNS = 2.5;
    static final double IMAGES = 5.0;
    static final double JSON_MODE = 4.0;
    /** LONG_CONTEXT rises linearly from 0 at the first token count to its full weight at the second. */
    static final int LONG_CONTEXT_FROM = 8_000;
    static final int LONG_CONTEXT_FULL = 32_000;
    static final double LONG_CONTEXT = 6.0;
}
