package xyz.cavos.wallet.app;

import java.util.concurrent.Callable;
import javafx.application.Application;
import picocli.CommandLine.Command;

/** {@code cavos gui}: opens the desktop app. */
@Command(name = "gui", mixinStandardHelpOptions = true, description = "Opens the Cavos Desktop window.")
final class GuiCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        Application.launch(DesktopLauncher.class);
        return 0;
    }
}
