package dev.dbtok.cli.emulator;

import dev.dbtok.cli.GoFlags;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --port}: a TCP port number, or 0 for a free one. */
final class PortConverter implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
        long port = new GoFlags.Int().convert(value);
        if (port < 0 || port > 65_535) {
            throw new TypeConversionException("port must be between 0 and 65535 (0 picks a free port)");
        }
        return (int) port;
    }
}
