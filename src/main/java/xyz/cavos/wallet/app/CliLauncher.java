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
        System.exit(CavosCommand.execute(System.getenv(), launcherCommands(), args));
    }

    /** The whole command line, as {@code cavos} has it; {@code env} stands for the process environment. */
    public static CommandLine commandLine(Map<String, String> env) {
        return CavosCommand.commandLine(env, launcherCommands());
    }

    static List<Object> launcherCommands() {
        return List.of(new SandboxCommand(), new GuiCommand());
    }
}
