package xyz.cavos.wallet.app;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;
import xyz.cavos.wallet.cli.CliCommand;
import xyz.cavos.wallet.cli.CavosCommand;
import xyz.cavos.wallet.wallet.SessionStorage;

/** {@code cavos}: the wallet's commands, plus the sandbox and the window, which only a launcher can start. */
public final class CliLauncher {

    private CliLauncher() {
    }

    public static void main(String[] args) {
        boolean longRunning = CavosCommand.commandName(args).filter(name -> name.equals("sandbox") || name.equals("gui")).isPresent();
        if (!longRunning) {
            // A command calls each reflective method it calls (a result's record accessors, for --json) a few times: the JDK's
            // native call does that at once, where its default first spins a class for each kind of method (about a
            // millisecond each in a process that has just started).
            System.setProperty("jdk.reflect.useNativeAccessorOnly", "true");
        }
        SessionStorage.tighten(SessionStorage.defaultHome(System.getenv())); // the config folder and its files: owner only
        int code = CavosCommand.execute(System.getenv(), launcherCommands(), args);
        if (longRunning) {
            System.exit(code); // the sandbox's shutdown hooks stop what it started
        }
        // The command is over and has closed what it opened. Ending here skips System.exit's logging of the exit, which
        // first looks for a logging backend among every jar's services (opening each jar, tens of milliseconds); no
        // shutdown hook of ours is left to run (the keychain library's only closes its connection, as ending does).
        System.out.flush();
        System.err.flush();
        Runtime.getRuntime().halt(code);
    }

    /** The whole command line, as {@code cavos} has it; {@code env} stands for the process environment. */
    public static CommandLine commandLine(Map<String, String> env) {
        return CavosCommand.commandLine(env, launcherCommands());
    }

    static List<Supplier<CliCommand>> launcherCommands() {
        return List.of(SandboxCommand::new, GuiCommand::new);
    }
}
