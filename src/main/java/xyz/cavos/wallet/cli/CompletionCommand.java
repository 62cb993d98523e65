package xyz.cavos.wallet.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code cavos completion}: prints a bash/zsh completion script. */
@Command(name = "completion", mixinStandardHelpOptions = true, description = {"Prints a bash/zsh completion script.",
        "Install it with: source <(cavos completion)   or save it to /etc/bash_completion.d/cavos"})
final class CompletionCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        CommandLine root = spec.root().commandLine();
        spec.commandLine().getOut().print(AutoComplete.bash("cavos", root));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
