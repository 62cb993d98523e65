package xyz.cavos.wallet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code cavos} builds the model of the command it runs only. These tests hold it to the whole command line: the same
 * command is found, and what the user sees (output, errors, exit code) is the same as with every command built.
 */
class CommandSelectionTest {

    @TempDir
    Path home;

    private static CavosCommand.Needed needed(String... args) {
        return CavosCommand.commandNamed(new CavosCommand(Map.of()).spec(), args);
    }

    @Test
    void theCommandIsTheFirstArgumentThatIsNeitherAnOptionNorTheValueOfAGlobalOne() {
        assertEquals(Optional.of("balance"), needed("balance").command());
        assertEquals(Optional.of("balance"), needed("--json", "balance", "--token", "STRK").command());
        assertEquals(Optional.of("whoami"), needed("--network", "sandbox", "whoami").command(), "sandbox is the network here");
        assertEquals(Optional.of("transfer"), needed("--rpc-url", "http://a", "--rpc-url", "http://b", "transfer").command());
        assertEquals(Optional.of("session"), needed("--network=mainnet", "--no-wait", "session", "import").command());
        assertEquals(Optional.of("policy"), needed("--timeout", "30", "--fee-mode", "sponsored", "policy", "show").command());
    }

    @Test
    void helpCompletionTheLauncherCommandsAMisspellingOrNoCommandNeedThemAll() {
        for (String[] args : List.of(new String[] {"help", "balance"}, new String[] {"completion"}, new String[] {"sandbox", "start"},
                new String[] {"balanse"}, new String[] {}, new String[] {"--help"}, new String[] {"--json"},
                new String[] {"--", "balance"}, new String[] {"--version", "--help"}, new String[] {"--help", "transfer"},
                new String[] {"-h", "balance"}, new String[] {"--json", "--help", "policy"})) {
            assertEquals(CavosCommand.Needed.ALL, needed(args), String.join(" ", args));
        }
    }

    @Test
    void theLauncherTellsTheCommandThatRunsFromTheValueOfAnOption() {
        // the sandbox and the window run on, and end by System.exit; every other command is over when it returns
        assertEquals(Optional.of("balance"), CavosCommand.commandName("--network", "sandbox", "balance"));
        assertEquals(Optional.of("sandbox"), CavosCommand.commandName("sandbox", "start", "--background"));
        assertEquals(Optional.of("gui"), CavosCommand.commandName("--json", "gui"));
        assertEquals(Optional.of("--"), CavosCommand.commandName("--", "sandbox"));
        assertEquals(Optional.empty(), CavosCommand.commandName("--network", "gui"));
    }

    @Test
    void theVersionAloneNeedsNoCommand() {
        assertEquals(CavosCommand.Needed.NONE, needed("--version"));
        assertEquals(CavosCommand.Needed.NONE, needed("-V"));
        assertEquals(Optional.of("balance"), needed("balance", "--version").command());
    }

    @ParameterizedTest
    @ValueSource(strings = {"--version", "-V", "--help", "", "balance --help", "--help transfer", "-h balance", "--json -h policy show", "help transfer", "balanse", "--json balanse",
            "--network sandbox --json whoami", "transfer --to", "transfer --amount 1", "--json transfer --bogus",
            "session", "session impor", "config set", "--timeout x balance", "--fee-mode tokn balance", "policy --version",
            "--network nowhere balance", "tokens list --json", "contacts list", "completion"})
    void whatTheUserSeesIsTheSameAsWithEveryCommandBuilt(String line) {
        String[] args = line.isEmpty() ? new String[0] : line.split(" ");
        Map<String, String> env = Map.of("CAVOS_HOME", home.toString());
        Seen lazy = seen(() -> CavosCommand.execute(env, List.of(), args));
        Seen whole = seen(() -> {
            int code = CavosCommand.commandLine(env).execute(args);
            return code;
        });
        assertEquals(whole, lazy, line);
    }

    private record Seen(int exit, String out, String err) {
    }

    private static Seen seen(java.util.function.IntSupplier run) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
            int exit = run.getAsInt();
            return new Seen(exit, stdout.toString(StandardCharsets.UTF_8), stderr.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }
}
