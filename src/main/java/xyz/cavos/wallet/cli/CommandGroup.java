package xyz.cavos.wallet.cli;

import picocli.CommandLine;

/** A command that only groups others ({@code session}, {@code config}, {@code sandbox} …): run alone, it prints its usage. */
public abstract class CommandGroup implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
