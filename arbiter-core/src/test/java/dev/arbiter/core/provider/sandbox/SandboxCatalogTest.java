package dev.arbiter.core.provider.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.core.catalog.ModelEntry;
import java.util.List;
import org.junit.jupiter.api.Test;

class SandboxCatalogTest {

    @Test
    void simulatesEveryCatalogModelUnderASandboxId() {
        SandboxSetup setup = SandboxProvider.fromCatalog(
                List.of(SandboxFixtures.GPT, SandboxFixtures.OPUS), new RecordingPacer());

        assertThat(setup.models()).extracting(ModelEntry::id)
                .containsExactly("sandbox/gpt-5.4", "sandbox/claude-opus-4-6");
        ModelEntry gpt = setup.models().getFirst();
        assertThat(gpt.provider()).isEqualTo("sandbox");
        assertThat(gpt.upstreamModel()).isEqualTo("gpt-5.4");
        assertThat(gpt.price()).isEqualTo(SandboxFixtures.GPT.price());
        assertThat(gpt.capabilities()).isEqualTo(SandboxFixtures.GPT.capabilities());
        assertThat(gpt.contextWindow()).isEqualTo(SandboxFixtures.GPT.contextWindow());
        assertThat(gpt.aliases()).isEmpty();
        assertThat(setup.provider().id()).isEqualTo("sandbox");
        assertThat(setup.provider().modelNames()).containsExactlyInAnyOrder("gpt-5.4", "claude-opus-4-6");
    }

    @Test
    void theFirstOfTwoModelsWithTheSameNameWinsAndSandboxEntriesAreSkipped() {
        ModelEntry azureGpt = SandboxFixtures.GPT.servedBy("azure/gpt-5.4", "azure", "gpt-5.4");
        ModelEntry alreadySandboxed = SandboxFixtures.GPT.servedBy("sandbox/gpt-5.4", "sandbox", "gpt-5.4");

        SandboxSetup setup = SandboxProvider.fromCatalog(
                List.of(alreadySandboxed, SandboxFixtures.GPT, azureGpt), new RecordingPacer());

        assertThat(setup.models()).extracting(ModelEntry::id).containsExactly("sandbox/gpt-5.4");
        assertThat(setup.models().getFirst().vendor()).isEqualTo("openai");
    }

    @Test
    void theSandboxAnswersUnderTheUpstreamNameItAnnounces() {
        SandboxSetup setup = SandboxProvider.fromCatalog(List.of(SandboxFixtures.MINI), new RecordingPacer());
        ModelEntry mini = setup.models().getFirst();

        String text = setup.provider().complete(SandboxFixtures.ask(mini.upstreamModel(), "Hi")).message().text();

        assertThat(text).startsWith("[" + mini.id() + "]");
    }
}
