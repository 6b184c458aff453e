package dev.arbiter.core.routing.quality;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arbiter.core.json.Json;
import java.util.ArrayList;
import java.util.List;

/** The "metadata" block of a profile: provenance and trainer options, written field by field in a fixed order. */
final class MetadataJson {
    private MetadataJson() {
    }

    static ObjectNode write(ProfileMetadata m) {
        ObjectNode node = Json.object();
        node.put("kind", m.kind());
        node.set("files", files(m.files()));
        node.set("baseFiles", files(m.baseFiles()));
        node.put("rows", m.rows());
        node.put("triples", m.triples());
        node.put("featureExtractor", m.featureExtractor());
        TrainerOptions o = m.options();
        node.putObject("options")
                .put("hashBits", o.hashBits()).put("hashSeed", o.hashSeed()).put("maxTokens", o.maxTokens())
                .put("l2Hashed", o.l2Hashed()).put("l2Dense", o.l2Dense()).put("l2Intercept", o.l2Intercept())
                .put("l2Ability", o.l2Ability()).put("l2Bias", o.l2Bias()).put("l2FitBias", o.l2FitBias())
                .put("l2Group", o.l2Group()).put("l2Slope", o.l2Slope()).put("guessFloor", o.guessFloor())
                .put("balanceSources", o.balanceSources()).put("tuneDifficulty", o.tuneDifficulty())
                .put("l2TuneHashed", o.l2TuneHashed()).put("l2TuneDense", o.l2TuneDense())
                .put("maxIterations", o.maxIterations());
        return node;
    }

    static ProfileMetadata read(JsonNode node) {
        JsonNode o = node.path("options");
        TrainerOptions d = TrainerOptions.defaults();
        TrainerOptions options = new TrainerOptions(o.path("hashBits").asInt(d.hashBits()),
                o.path("hashSeed").asInt(d.hashSeed()), o.path("maxTokens").asInt(d.maxTokens()),
                o.path("l2Hashed").asDouble(d.l2Hashed()), o.path("l2Dense").asDouble(d.l2Dense()),
                o.path("l2Intercept").asDouble(d.l2Intercept()), o.path("l2Ability").asDouble(d.l2Ability()),
                o.path("l2Bias").asDouble(d.l2Bias()), o.path("l2FitBias").asDouble(d.l2FitBias()),
                o.path("l2Group").asDouble(d.l2Group()), o.path("l2Slope").asDouble(d.l2Slope()),
                o.path("guessFloor").asBoolean(d.guessFloor()),
                o.path("balanceSources").asBoolean(d.balanceSources()),
                o.path("tuneDifficulty").asBoolean(d.tuneDifficulty()),
                o.path("l2TuneHashed").asDouble(d.l2TuneHashed()), o.path("l2TuneDense").asDouble(d.l2TuneDense()),
                o.path("maxIterations").asInt(d.maxIterations()));
        return new ProfileMetadata(node.path("kind").asText("base"), files(node.path("files")),
                files(node.path("baseFiles")), node.path("rows").asInt(), node.path("triples").asInt(),
                node.path("featureExtractor").asText(""), options);
    }

    private static ArrayNode files(List<ProfileMetadata.DataFile> files) {
        ArrayNode array = Json.array();
        for (ProfileMetadata.DataFile f : files) {
            array.addObject().put("name", f.name()).put("rows", f.rows()).put("sha256", f.sha256());
        }
        return array;
    }

    private static List<ProfileMetadata.DataFile> files(JsonNode array) {
        List<ProfileMetadata.DataFile> out = new ArrayList<>();
        array.forEach(f -> out.add(new ProfileMetadata.DataFile(f.path("name").asText(), f.path("rows").asInt(),
                f.path("sha256").asText())));
        return out;
    }
}
