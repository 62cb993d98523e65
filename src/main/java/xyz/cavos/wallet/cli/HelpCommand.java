package xyz.cavos.wallet.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/** {@code help [COMMAND]}: the usage of the command it belongs to, or of one of that command's subcommands. */
public final class HelpCommand extends CliCommand implements Runnable {

    private final Arg<String> command = add(PositionalParamSpec.builder().paramLabel("COMMAND").arity("0..1").type(String.class)
            .completionCandidates(this::siblings).description("The COMMAND to display the usage help message for."));

    public HelpCommand() {
        super("help");
        spec().helpCommand(true);
        spec().usageMessage().header("Display help information about the specified command.").synopsisHeading("%nUsage: ")
                .description("%nWhen no COMMAND is given, the usage help for the main command is displayed.",
                        "If a COMMAND is specified, the help for that command is shown.%n");
        add(OptionSpec.builder("-h", "--help").usageHelp(true).description("Show usage help for the help command and exit."));
    }

    /** The commands beside this one, for completion. */
    private java.util.Iterator<String> siblings() {
        CommandLine.Model.CommandSpec parent = spec().parent();
        return (parent == null ? java.util.List.<String>of() : parent.subcommands().keySet().stream().filter(name -> !name.equals(name()))
                .toList()).iterator();
    }

    @Override
    public void run() {
        CommandLine self = spec().commandLine();
        CommandLine parent = self.getParent();
        if (parent == null) {
            return;
        }
        String name = command.value();
        CommandLine shown = name == null ? parent : parent.getSubcommands().get(name);
        if (shown == null) {
            throw new CommandLine.ParameterException(parent, "Unknown subcommand '" + name + "'.", null, name);
        }
        shown.usage(self.getOut(), shown.getColorScheme());
    }
}
