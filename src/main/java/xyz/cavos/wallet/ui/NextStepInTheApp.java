package xyz.cavos.wallet.ui;

import java.util.Optional;
import xyz.cavos.wallet.wallet.NextStep;
import xyz.cavos.wallet.wallet.WalletError;

/**
 * A wallet error's next step in the app's words: the screen that helps, or plain advice where the app has no
 * screen for it. Never a command or a flag.
 */
public final class NextStepInTheApp {

    /** What to tell the person, and the screen to offer them, if one helps, with the link's words. */
    public record Guidance(String text, Optional<AppShell.Screen> screen, String link) {
    }

    private NextStepInTheApp() {
    }

    /** The error's advice followed by the step, as one sentence or two. */
    public static String guidance(WalletError e) {
        return e.adviceThen(of(e.next()).text());
    }

    public static Guidance of(NextStep step) {
        return switch (step) {
            case NextStep.None none -> plain("");
            case NextStep.RenewSession renew -> screen("Renew it on the Session screen.", AppShell.Screen.SESSION);
            case NextStep.RenewAgain again -> screen("Renew again on the Session screen, and confirm twice.", AppShell.Screen.SESSION);
            case NextStep.ImportSession importing -> screen("Import it on the Import session screen.", AppShell.Screen.IMPORT);
            case NextStep.SeePolicy policy -> screen("See the Policy usage screen.", AppShell.Screen.POLICY);
            case NextStep.SeeSession session -> screen("See the Session screen.", AppShell.Screen.SESSION);
            case NextStep.CheckTransaction tx -> plain(tx.explorerLink()
                    .map(link -> "Look it up before sending again: " + link)
                    .orElse("Wait a minute and refresh: the balances show whether it went through."));
            case NextStep.ReviewCalls review -> plain("Check the recipient and the amount, then review again.");
            case NextStep.CheckConnection connection -> settings("Check your internet connection, or choose another endpoint in "
                    + "Settings.", ANOTHER_ENDPOINT);
            case NextStep.SetRpcEndpoint endpoint -> settings(endpoint.network()
                    .map(n -> "Choose an endpoint for " + n + " in Settings.")
                    .orElse("Choose another endpoint in Settings."), ANOTHER_ENDPOINT);
            case NextStep.ChooseNetwork choose -> settings("Check your internet connection, or choose the network in Settings.",
                    "Open Settings to choose the network");
            case NextStep.StartSandbox sandbox -> screen("The local sandbox is not running: start it with Try the sandbox on the "
                    + "Import session screen.", AppShell.Screen.IMPORT);
            case NextStep.TopUp topUp -> plain("Top up the wallet " + topUp.wallet().toHex() + ".");
            case NextStep.TryAgain again -> plain("Try again.");
            case NextStep.SetPaymasterKey key -> settings("Enter the paymaster's API key in Settings.", "Open Settings to enter the paymaster's API key");
            case NextStep.UnlockKeychain keychain -> plain("Unlock your keychain (your desktop's password store) and try again.");
            case NextStep.Report report -> plain("Details are in " + report.log() + ". Please report it.");
            case NextStep.FixArgument fix -> plain("");
        };
    }

    private static final String ANOTHER_ENDPOINT = "Open Settings to choose another endpoint";

    private static Guidance plain(String text) {
        return new Guidance(text, Optional.empty(), "");
    }

    private static Guidance screen(String text, AppShell.Screen screen) {
        return new Guidance(text, Optional.of(screen), "Open " + screen.title());
    }

    private static Guidance settings(String text, String link) {
        return new Guidance(text, Optional.of(AppShell.Screen.SETTINGS), link);
    }
}
