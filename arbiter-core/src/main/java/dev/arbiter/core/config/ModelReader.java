package dev.arbiter.core.config;

import dev.arbiter.core.catalog.BenchmarkScore;
import dev.arbiter.core.catalog.Capability;
import dev.arbiter.core.catalog.Lifecycle;
import dev.arbiter.core.catalog.ModelEntry;
import dev.arbiter.core.catalog.Price;
import dev.arbiter.core.catalog.PriceSchedule;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads one entry of a {@code models} list (config or built-in catalog) into a {@link ModelEntry}. */
final class ModelReader {
    static final Set<String> KEYS = Set.of("id", "aliases", "provider", "upstream_model", "deployments", "price", "price_changes",
            "context_window", "max_output_tokens", "capabilities", "vendor", "jurisdiction", "benchmarks", "lifecycle",
            "balancing", "fallbacks", "context_window_fallbacks", "content_policy_fallbacks");
    private static final Set<String> PRICE_KEYS = Set.of("input", "output", "cached_input", "cache_write");
    private static final Set<String> BENCHMARK_KEYS = Set.of("value", "source", "alternatives");
    private static final Set<String> ALTERNATIVE_KEYS = Set.of("value", "source");
    private static final Pattern MODEL_ID = Pattern.compile("[^/\\s]+/\\S+");
    private static final Pattern NAME = Pattern.compile("\\S+");
    private static final Pattern JURISDICTION = Pattern.compile("[A-Z]{2}");
    private static final Pattern BENCHMARK = Pattern.compile("[a-z0-9][a-z0-9_]*");

    private ModelReader() {
    }

    /** The entry, with its deployments (read by {@link DeploymentsReader}, which keeps their provider cursors). */
    static ModelEntry read(Fields f, List<DeploymentsReader.Parsed> deployments) {
        String id = id(f.required("id"));
        String vendorPrefix = id.substring(0, id.indexOf('/'));
        int context = positive(f.required("context_window"), "context_window");
        Integer maxOutput = f.optional("max_output_tokens").map(c -> maxOutput(c, context)).orElse(null);
        return new ModelEntry(
                id,
                f.optional("aliases").map(ModelReader::aliases).orElse(List.of()),
                null,
                null,
                price(f.required("price")),
                context,
                maxOutput,
                f.optional("capabilities").map(ModelReader::capabilities).orElse(Set.of()),
                f.optional("vendor").map(ModelReader::name).orElse(vendorPrefix),
                f.optional("jurisdiction").map(ModelReader::jurisdiction).orElse(null),
                f.optional("benchmarks").map(ModelReader::benchmarks).orElse(Map.of()),
                f.optional("lifecycle").map(ModelReader::lifecycle).orElse(Lifecycle.ACTIVE),
                deployments.stream().map(DeploymentsReader.Parsed::deployment).toList(),
                f.optional("price_changes").map(PriceChangesReader::read).orElse(PriceSchedule.NONE));
    }

    /** The upstream model name when none is given: the id after its first '/'. */
    static String defaultUpstream(Fields f) {
        String id = id(f.required("id"));
        return id.substring(id.indexOf('/') + 1);
    }

    private static Lifecycle lifecycle(Cursor c) {
        String name = c.requiredText();
        Lifecycle lifecycle = Lifecycle.fromConfigName(name);
        if (lifecycle == null) {
            List<String> known = Arrays.stream(Lifecycle.values()).map(Lifecycle::configName).toList();
            throw c.error("unknown lifecycle '" + name + "'" + Suggest.hint(name, known));
        }
        return lifecycle;
    }

    private static String id(Cursor c) {
        String id = c.requiredText();
        if (!MODEL_ID.matcher(id).matches()) {
            throw c.error("model id '" + id + "' must look like vendor/name (e.g. openai/gpt-5.4), without spaces");
        }
        return id;
    }

    static String name(Cursor c) {
        String text = c.requiredText();
        if (!NAME.matcher(text).matches()) {
            throw c.error("'" + text + "' must not contain spaces");
        }
        return text;
    }

    private static List<String> aliases(Cursor c) {
        return c.items().stream().map(ModelReader::name).toList();
    }

    private static int positive(Cursor c, String what) {
        int value = c.intValue();
        if (value <= 0) {
            throw c.error(what + " must be a positive number of tokens, got " + value);
        }
        return value;
    }

    private static int maxOutput(Cursor c, int context) {
        int value = positive(c, "max_output_tokens");
        if (value > context) {
            throw c.error("max_output_tokens " + value + " exceeds context_window " + context);
        }
        return value;
    }

    private static Price price(Cursor c) {
        return price(c.fields(PRICE_KEYS));
    }

    /** A price from the checked fields of a {@code price} (or a {@code price_changes} item). */
    static Price price(Fields f) {
        return new Price(usd(f.required("input")), usd(f.required("output")),
                f.optional("cached_input").map(ModelReader::usd).orElse(null),
                f.optional("cache_write").map(ModelReader::usd).orElse(null));
    }

    static BigDecimal usd(Cursor c) {
        BigDecimal value = c.decimal();
        if (value.signum() < 0) {
            throw c.error("price must not be negative, got " + value.toPlainString());
        }
        return value;
    }

    private static Set<Capability> capabilities(Cursor c) {
        Set<Capability> out = EnumSet.noneOf(Capability.class);
        for (Cursor item : c.items()) {
            String name = item.requiredText();
            Capability capability = Capability.fromConfigName(name);
            if (capability == null) {
                List<String> known = Arrays.stream(Capability.values()).map(Capability::configName).toList();
                throw item.error("unknown capability '" + name + "'" + Suggest.hint(name, known));
            }
            out.add(capability);
        }
        return out;
    }

    private static String jurisdiction(Cursor c) {
        String code = c.requiredText();
        if (!JURISDICTION.matcher(code).matches()) {
            throw c.error("jurisdiction must be a two-letter upper-case region code such as US, CN or EU, got '"
                    + code + "'");
        }
        return code;
    }

    private static Map<String, BenchmarkScore> benchmarks(Cursor c) {
        Map<String, BenchmarkScore> out = new LinkedHashMap<>();
        for (Map.Entry<String, Cursor> e : c.entries().entrySet()) {
            if (!BENCHMARK.matcher(e.getKey()).matches()) {
                throw e.getValue().error("benchmark names are lower_snake_case (e.g. swe_bench_verified), got '"
                        + e.getKey() + "'");
            }
            Fields f = e.getValue().fields(BENCHMARK_KEYS);
            List<BenchmarkScore.Alternative> alternatives = new ArrayList<>();
            for (Cursor alt : f.optional("alternatives").map(Cursor::items).orElse(List.of())) {
                Fields af = alt.fields(ALTERNATIVE_KEYS);
                alternatives.add(new BenchmarkScore.Alternative(fraction(af.required("value")), source(af)));
            }
            out.put(e.getKey(), new BenchmarkScore(fraction(f.required("value")), source(f), alternatives));
        }
        return out;
    }

    private static String source(Fields f) {
        return f.optional("source").map(Cursor::text).orElse(null);
    }

    private static double fraction(Cursor c) {
        double value = c.decimal().doubleValue();
        if (value < 0 || value > 1) {
            throw c.error("a benchmark score is a fraction between 0 and 1 (write 0.808 for 80.8%), got " + value);
        }
        return value;
    }
}
