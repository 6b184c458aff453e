package dev.arbiter.core.routing.features;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.core.routing.TaskType;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Prompts written like real chat traffic (none from the benchmark files) get the task a person would give them:
 * the guard against tuning the lexicons to benchmark phrasing.
 */
class EverydayPromptsTest {
    final HeuristicFeatureExtractor extractor = new HeuristicFeatureExtractor();

    static Stream<Arguments> prompts() {
        return Stream.of(
                Arguments.of(TaskType.CODING, "Why does this throw?\n```java\nString s = map.get(key);\ns.length();\n```"),
                Arguments.of(TaskType.CODING, "How do I reverse a linked list in Python?"),
                Arguments.of(TaskType.CODING, "Traceback (most recent call last):\n  File \"app.py\", line 3, in <module>\n"
                        + "    import requests\nModuleNotFoundError: No module named 'requests'"),
                Arguments.of(TaskType.CODING, "Write a SQL query that returns the top 5 customers by revenue."),
                Arguments.of(TaskType.CODING, "What's the difference between let and const in JavaScript?"),
                Arguments.of(TaskType.CODING, "Refactor this: def f(a, b): return [x for x in a if x in b]"),
                Arguments.of(TaskType.CODING, "My React component re-renders forever when I call setState in useEffect"),
                Arguments.of(TaskType.MATH, "Solve 3x + 7 = 22."),
                Arguments.of(TaskType.MATH, "What is the derivative of x^3 sin(x)?"),
                Arguments.of(TaskType.MATH, "Prove that the square root of 2 is irrational."),
                Arguments.of(TaskType.MATH, "A train leaves at 3 pm going 60 mph. How far has it gone by 5:30 pm?"),
                Arguments.of(TaskType.MATH, "What is 15% of 240?"),
                Arguments.of(TaskType.MATH, "Compute $\\int_0^1 x^2 \\, dx$."),
                Arguments.of(TaskType.MATH, "If I invest $2,000 at 5% interest compounded yearly, how much will I have"
                        + " after 10 years?"),
                Arguments.of(TaskType.SCIENCE, "How does photosynthesis work?"),
                Arguments.of(TaskType.SCIENCE, "What is the difference between mitosis and meiosis?"),
                Arguments.of(TaskType.SCIENCE, "Why do heavier objects not fall faster than lighter ones if gravity"
                        + " pulls harder on them?"),
                Arguments.of(TaskType.SCIENCE, "What happens to the pressure of a gas if its volume is halved at"
                        + " constant temperature?"),
                Arguments.of(TaskType.SCIENCE, "Which of these is a noble gas?\nA) Oxygen\nB) Neon\nC) Nitrogen\n"
                        + "D) Hydrogen"),
                Arguments.of(TaskType.SCIENCE, "Balance this chemical equation: Fe + O2 -> Fe2O3"),
                Arguments.of(TaskType.AGENTIC, "Search the web for the latest news about the Mars rover and"
                        + " summarize it."),
                Arguments.of(TaskType.EXTRACTION, "Extract the names, dates and amounts from this invoice and return"
                        + " JSON:\nInvoice 1042 from ACME Corp, 12 March 2024, total due 1,250.00 EUR"),
                Arguments.of(TaskType.EXTRACTION, "Parse this address into street, city and postcode fields: 221B"
                        + " Baker Street, London NW1 6XE"),
                Arguments.of(TaskType.CREATIVE, "Write a haiku about autumn leaves."),
                Arguments.of(TaskType.CREATIVE, "Tell me a bedtime story about a dragon who is afraid of the dark."),
                Arguments.of(TaskType.CREATIVE, "Write a poem for my wife's 40th birthday."),
                Arguments.of(TaskType.CREATIVE, "Write lyrics for a song about a road trip with my best friends"),
                Arguments.of(TaskType.CHAT, "Hi! How are you today?"),
                Arguments.of(TaskType.CHAT, "What should I cook for dinner tonight? I have chicken and rice."),
                Arguments.of(TaskType.CHAT, "Can you recommend a good book about leadership?"),
                Arguments.of(TaskType.CHAT, "My friend is upset with me because I forgot her birthday. What should I"
                        + " do?"),
                Arguments.of(TaskType.CHAT, "What's the capital of Australia?"),
                Arguments.of(TaskType.CHAT, "Summarize the main causes of World War I."),
                Arguments.of(TaskType.CHAT, "I need three ideas for a team-building event for 20 people."),
                Arguments.of(TaskType.CHAT, "Plan a 5-day trip to Japan in April on a moderate budget."),
                Arguments.of(TaskType.CHAT, "Is it rude to leave a party without saying goodbye?"),
                Arguments.of(TaskType.CHAT, "Translate 'where is the train station' into German."));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("prompts")
    void everydayPromptGetsTheTaskAPersonWouldGiveIt(TaskType expected, String prompt) {
        assertThat(extractor.extract(prompt).taskType())
                .as(new TaskScorer().explain(prompt, TaskScorer.Facts.NONE).toString())
                .isEqualTo(expected);
    }
}
