package dev.dbtok.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The value of a {@code --json} flag: the document text and where it came from ({@code (inline)}
 * or the path after {@code @}, as typed), which error and warning locations name.
 */
public record JsonArg(String source, String text) {
    public static final String INLINE = "(inline)";

    /** Reads {@code @file} at parse time, like the official CLI, so a missing file is a flag error. */
    public static final class Converter implements ITypeConverter<JsonArg> {
        @Override
        public JsonArg convert(String value) {
            if (value.isEmpty()) {
                throw new TypeConversionException("expected inline JSON or @path/to/file, got an empty string");
            }
            if (value.charAt(0) != '@') {
                return new JsonArg(INLINE, value);
            }
            String path = value.substring(1);
            try {
                // Decoded leniently, as the official CLI's JSON decoder reads invalid UTF-8: as U+FFFD.
                return new JsonArg(path, new String(Files.readAllBytes(Path.of(path)), StandardCharsets.UTF_8));
            } catch (NoSuchFileException e) {
                throw new TypeConversionException("read " + path + ": open " + path + ": no such file or directory");
            } catch (AccessDeniedException e) {
                throw new TypeConversionException("read " + path + ": open " + path + ": permission denied");
            } catch (IOException | RuntimeException e) {
                if (Files.isDirectory(Path.of(path))) {
                    throw new TypeConversionException("read " + path + ": read " + path + ": is a directory");
                }
                throw new TypeConversionException("read " + path + ": " + e.getMessage());
            }
        }
    }
}
