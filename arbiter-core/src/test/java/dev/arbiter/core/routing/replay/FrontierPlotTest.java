package dev.arbiter.core.routing.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.core.routing.PolicySettings;
import dev.arbiter.core.routing.policy.Policies;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class FrontierPlotTest {

    @Test
    void drawsWellFormedSvgWithTheSweepAndEveryBaseline() throws Exception {
        List<OutcomeRow> rows = OutcomeFile.parse("d<&>.jsonl", List.of(
                "{\"id\":\"1\",\"outcomes\":{\"a\":{\"score\":1,\"cost_usd\":0.0001},\"b\":{\"score\":1,\"cost_usd\":0.01},"
                        + "\"c\":{\"score\":0,\"cost_usd\":0.001}}}",
                "{\"id\":\"2\",\"outcomes\":{\"a\":{\"score\":0,\"cost_usd\":0.0001},\"b\":{\"score\":1,\"cost_usd\":0.01},"
                        + "\"c\":{\"score\":1,\"cost_usd\":0.001}}}"));
        Predictions p = Predictions.parse("p", List.of("{\"id\":\"1\",\"p\":{\"a\":0.9,\"b\":0.95,\"c\":0.5}}",
                "{\"id\":\"2\",\"p\":{\"a\":0.2,\"b\":0.9,\"c\":0.7}}"));
        ReplayReport report = new Replay(PSuccessSource.of(p), null, null).run("d<&>.jsonl", rows, new Replay.Plan(
                Policies.byName(Policies.CHEAPEST_MEETING_BAR), new PolicySettings(0.6, null), true, WinScore.WIN_RATE));

        String svg = FrontierPlot.svg(report);
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));

        assertThat(doc.getDocumentElement().getTagName()).isEqualTo("svg");
        assertThat(doc.getElementsByTagName("polyline").getLength()).isEqualTo(1);
        assertThat(svg).contains("always-best", "always-cheapest", "random", "oracle", "(log scale)", "d&lt;&amp;&gt;");
        assertThat(report.aiq().router()).isBetween(0.0, 1.0);
    }
}
