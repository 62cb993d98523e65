package xyz.cavos.wallet.cli;

/** A command that only groups others ({@code session}, {@code config}, {@code sandbox} …): run alone, it prints its usage. */
public abstract class CommandGroup extends CliCommand implements Runnable {

    protected CommandGroup(String name, String... description) {
        super(name, description);
    }

    @Override
    public void run() {
        spec().commandLine().usage(spec().commandLine().getOut());
    }
}
