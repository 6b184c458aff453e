package dev.arbiter.cli;

import dev.arbiter.core.routing.FeatureExtractor;
import dev.arbiter.core.routing.PolicySettings;
import dev.arbiter.core.routing.QualityModel;
import dev.arbiter.core.routing.RoutingPolicy;
import dev.arbiter.core.routing.policy.Policies;
import dev.arbiter.core.routing.replay.FrontierPlot;
import dev.arbiter.core.routing.replay.OutcomeFile;
import dev.arbiter.core.routing.replay.OutcomeRow;
import dev.arbiter.core.routing.replay.PSuccessSource;
import dev.arbiter.core.routing.replay.Predictions;
import dev.arbiter.core.routing.replay.PriceTable;
import dev.arbiter.core.routing.replay.Replay;
import dev.arbiter.core.routing.replay.ReplayException;
import dev.arbiter.core.routing.replay.ReplayReport;
import dev.arbiter.core.routing.replay.WinScore;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code arbiter replay}: runs a routing policy over an outcome file and prints its quality, cost and model shares
 * next to always-best, always-cheapest, random and the oracle; {@code --sweep} adds the frontier and RouteLLM's
 * metrics (two models) or RouterBench's AIQ. Bad input ends with exit code 2 and one line on stderr.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Replay a routing policy over an outcome file against the baselines.")
final class ReplayCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "Outcome file (JSON lines).")
    Path data;

    @Option(names = "--policy", paramLabel = "NAME", defaultValue = Policies.CHEAPEST_MEETING_BAR,
            description = "Routing policy (default: ${DEFAULT-VALUE}).")
    String policy;

    @Option(names = "--bar", paramLabel = "X", defaultValue = "0.8", description = "Quality bar in [0, 1] (default: ${DEFAULT-VALUE}).")
    double bar;

    @Option(names = "--max-cost", paramLabel = "USD", description = "Per-request cost cap for best-within-budget.")
    Double maxCost;

    @Option(names = "--predictions", paramLabel = "PRED.jsonl", description = "pSuccess per row and model ({\"id\",\"p\"} lines).")
    Path predictions;

    @Option(names = "--prices", paramLabel = "FILE", description = "Per-1M-token prices for rows without cost_usd.")
    Path prices;

    @Option(names = "--two-models", paramLabel = "A,B", split = ",", description = "Restrict the file to this pair of models.")
    List<String> twoModels;

    @Option(names = "--sweep", description = "Also print the cost/quality frontier and APGR/CPT (two models) or AIQ.")
    boolean sweep;

    @Option(names = "--win-score", paramLabel = "KIND", defaultValue = "strong-p",
            description = "Two-model strong-win score: strong-p (the strong model's pSuccess, default) or win-rate"
                    + " ((1 + p_strong - p_weak) / 2).")
    String winScore;

    @Option(names = "--json", description = "Print one JSON object instead of tables.")
    boolean json;

    @Option(names = "--plot", paramLabel = "FILE.svg", description = "Write the frontier as SVG (implies --sweep).")
    Path plot;

    private final QualityModel qualityModel;
    private final FeatureExtractor extractor;

    ReplayCommand() {
        this(null, null);
    }

    /** With a quality model (and the extractor that feeds it), replay needs no predictions file. */
    ReplayCommand(QualityModel qualityModel, FeatureExtractor extractor) {
        this.qualityModel = qualityModel;
        this.extractor = extractor;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            ReplayReport report = replay();
            out.print(json ? report.json() + System.lineSeparator() : report.text());
            if (plot != null) {
                writePlot(report);
                (json ? err : out).println("wrote frontier plot to " + plot);
            }
            out.flush();
            return 0;
        } catch (ReplayException | IllegalArgumentException e) {
            err.println("arbiter replay: " + e.getMessage());
            err.flush();
            return 2;
        }
    }

    private ReplayReport replay() {
        RoutingPolicy routingPolicy = Policies.byName(policy);
        if (!(bar >= 0 && bar <= 1)) {
            throw new ReplayException("--bar must be in [0, 1], got " + bar);
        }
        if (maxCost != null && !(maxCost >= 0)) {
            throw new ReplayException("--max-cost must be >= 0, got " + maxCost);
        }
        WinScore win = switch (winScore) {
            case "strong-p" -> WinScore.STRONG_P;
            case "win-rate" -> WinScore.WIN_RATE;
            default -> throw new ReplayException("--win-score must be strong-p or win-rate, got " + winScore);
        };
        List<OutcomeRow> rows = OutcomeFile.read(data);
        if (twoModels != null) {
            if (twoModels.size() != 2) {
                throw new ReplayException("--two-models takes two model names A,B, got " + String.join(",", twoModels));
            }
            rows = OutcomeFile.restrict(rows, twoModels.get(0), twoModels.get(1));
        }
        PriceTable priceTable = prices == null ? null : PriceTable.read(prices);
        Replay replay = replayer(priceTable);
        Replay.Plan plan = new Replay.Plan(routingPolicy, new PolicySettings(bar, maxCost), sweep || plot != null, win);
        return replay.run(data.getFileName().toString(), rows, plan);
    }

    private Replay replayer(PriceTable priceTable) {
        if (predictions != null) {
            return new Replay(PSuccessSource.of(Predictions.read(predictions)), priceTable, extractor);
        }
        if (qualityModel != null && extractor != null) {
            return Replay.withQualityModel(qualityModel, extractor, priceTable);
        }
        throw new ReplayException("no pSuccess source: pass --predictions PRED.jsonl (arbiter router predict writes one)");
    }

    private void writePlot(ReplayReport report) {
        try {
            Files.writeString(plot, FrontierPlot.svg(report));
        } catch (IOException e) {
            throw new ReplayException("cannot write " + plot + ": " + e.getMessage());
        }
    }
}
