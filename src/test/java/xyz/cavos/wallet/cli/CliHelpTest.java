package xyz.cavos.wallet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import xyz.cavos.wallet.app.CliLauncher;

/** Every command and subcommand answers --help (and --version where it has it) without running anything. */
class CliHelpTest {

    @Test
    void everyCommandAnswersHelp() {
        List<CommandLine> commands = all(CliLauncher.commandLine(Map.of()));
        assertTrue(commands.size() > 20, "the whole tree: " + commands.size());
        for (CommandLine command : commands) {
            String name = command.getCommandSpec().qualifiedName(" ");
            for (String flag : List.of("--help", "-h")) {
                Printed help = run(path(command, flag));
                assertEquals(0, help.exit(), name + " " + flag + "\n" + help);
                assertTrue(help.out().contains("Usage: " + name + " "), name + " " + flag + "\n" + help);
                assertEquals("", help.err(), name + " " + flag);
            }
            if (command.getCommandSpec().findOption("--version") != null) {
                Printed version = run(path(command, "--version"));
                assertEquals(0, version.exit(), name + " --version\n" + version);
                assertTrue(version.out().startsWith("cavos "), name + " --version\n" + version);
            }
        }
        assertFalse(run("revoke", "--help").out().contains("Unknown option"));
    }

    @Test
    void aNetworkNamedLikeACommandIsStillANetwork() {
        for (String network : List.of("sandbox", "gui", "help")) {
            CommandLine.ParseResult parsed = CliLauncher.commandLine(Map.of()).parseArgs("--network", network, "--json", "whoami");
            assertEquals(network, parsed.matchedOptionValue("--network", ""), "--network " + network);
            assertEquals("whoami", parsed.subcommand().commandSpec().name());
        }
    }

    @Test
    void aGroupOfOptionsGivenWronglyIsSaidOnceAsAnError() {
        Printed both = run("simulate", "--calls", "[]", "--contract", "0x1", "--entrypoint", "transfer");
        assertEquals(2, both.exit());
        assertTrue(both.err().startsWith("Error: --calls=JSON|@FILE and [--contract=ADDRESS --entrypoint=NAME [--calldata=VALUES]] are"
                + " mutually exclusive"), both.err());
        Printed half = run("execute", "--contract", "0x1");
        assertTrue(half.err().startsWith("Error: Missing required argument(s): --entrypoint=NAME"), half.err());
    }

    private record Printed(int exit, String out, String err) {
    }

    private static Printed run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = CliLauncher.commandLine(Map.of());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new Printed(exit, out.toString(), err.toString());
    }

    /** The arguments that reach {@code command}, then {@code flag}: e.g. session, status, --help. */
    private static String[] path(CommandLine command, String flag) {
        List<String> names = new ArrayList<>();
        for (CommandLine c = command; c.getParent() != null; c = c.getParent()) {
            names.addFirst(c.getCommandName());
        }
        names.add(flag);
        return names.toArray(String[]::new);
    }

    private static List<CommandLine> all(CommandLine command) {
        List<CommandLine> out = new ArrayList<>(List.of(command));
        command.getSubcommands().values().forEach(sub -> out.addAll(all(sub)));
        return out;
    }
}
