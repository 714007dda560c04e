package dev.dbtok.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * What every leaf command has: its picocli spec and its positional words. The words are accepted
 * in any number by the parser, because the official CLI checks their count itself, at a set point,
 * with its own messages ({@link Positional}); some commands ignore extra words altogether.
 */
public abstract class LeafCommand implements Callable<Integer> {
    @Spec
    protected CommandSpec spec;

    @Parameters(hidden = true)
    protected List<String> args = new ArrayList<>();

    /** The run this command belongs to. */
    protected Session session() {
        return DbtokCommand.session(spec);
    }
}
