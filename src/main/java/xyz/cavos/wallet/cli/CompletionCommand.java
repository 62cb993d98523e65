package xyz.cavos.wallet.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;

/** {@code cavos completion}: prints a bash/zsh completion script. */
final class CompletionCommand extends CliCommand implements Callable<Integer> {

    CompletionCommand() {
        super("completion", "Prints a bash/zsh completion script.",
                "Install it with: source <(cavos completion)   or save it to /etc/bash_completion.d/cavos");
    }

    @Override
    public Integer call() {
        CommandLine root = spec().root().commandLine();
        spec().commandLine().getOut().print(AutoComplete.bash("cavos", root));
        spec().commandLine().getOut().flush();
        return 0;
    }
}
