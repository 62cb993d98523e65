package xyz.cavos.wallet.app;

import java.util.concurrent.Callable;
import javafx.application.Application;
import xyz.cavos.wallet.cli.CliCommand;

/** {@code cavos gui}: opens the desktop app. */
final class GuiCommand extends CliCommand implements Callable<Integer> {

    GuiCommand() {
        super("gui", "Opens the Cavos Desktop window.");
    }

    @Override
    public Integer call() {
        Application.launch(DesktopLauncher.class);
        return 0;
    }
}
