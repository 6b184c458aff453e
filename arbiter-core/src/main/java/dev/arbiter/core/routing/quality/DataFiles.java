package dev.arbiter.core.routing.quality;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** Provenance of training files for profile metadata: file name, non-blank line count and SHA-256 of the bytes. */
final class DataFiles {
    private DataFiles() {
    }

    static List<ProfileMetadata.DataFile> describe(List<Path> files) {
        List<ProfileMetadata.DataFile> out = new ArrayList<>();
        for (Path file : files) {
            try {
                byte[] bytes = Files.readAllBytes(file);
                long rows = new String(bytes, java.nio.charset.StandardCharsets.UTF_8).lines()
                        .filter(l -> !l.isBlank()).count();
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
                out.add(new ProfileMetadata.DataFile(file.getFileName().toString(), (int) rows,
                        HexFormat.of().formatHex(digest)));
            } catch (IOException e) {
                throw new QualityInputException("cannot read " + file + ": " + e.getMessage());
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
        return out;
    }
}
