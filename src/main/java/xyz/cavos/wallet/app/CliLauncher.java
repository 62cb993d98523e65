package xyz.cavos.wallet.app;

import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import xyz.cavos.wallet.cli.CavosCommand;
import xyz.cavos.wallet.wallet.SessionStorage;

/** {@code cavos}: the wallet's commands, plus the sandbox and the window, which only a launcher can start. */
public final class CliLauncher {

    private CliLauncher() {
    }

    public static void main(String[] args) {
        SessionStorage.tighten(SessionStorage.defaultHome(System.getenv())); // the config folder and its files: owner only
        int code = CavosCommand.execute(System.getenv(), launcherCommands(), args);
        if (List.of(args).contains("sandbox") || List.of(args).contains("gui")) {
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

    static List<Object> launcherCommands() {
        return List.of(new SandboxCommand(), new GuiCommand());
    }
}
