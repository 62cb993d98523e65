package xyz.cavos.wallet.ui;

import static xyz.cavos.wallet.ui.ScreenshotRun.await;
import static xyz.cavos.wallet.ui.ScreenshotRun.onFx;
import static xyz.cavos.wallet.ui.ScreenshotRun.writePng;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import xyz.cavos.wallet.app.LocalSandbox;
import xyz.cavos.wallet.cavos.Token;
import xyz.cavos.wallet.sandbox.FaultPlan;
import xyz.cavos.wallet.sandbox.SandboxDashboard;
import xyz.cavos.wallet.sandbox.SandboxNode;
import xyz.cavos.wallet.starknet.U256;
import xyz.cavos.wallet.wallet.Progress;
import xyz.cavos.wallet.wallet.WalletService;

/**
 * Opens the app in a window, walks it through the sandbox (a pasted token, Try the sandbox, a 1.5 STRK
 * transfer) and writes a PNG of every screen, light and dark, to the folder given as the first argument.
 * Run it under Xvfb for a real window: see the README's Development section.
 */
public final class Screenshots {

    private static final String RECIPIENT = "0x517c8f3d2e1a09b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b";

    private Screenshots() {
    }

    public static void main(String[] args) {
        ScreenshotRun.main(args, Screenshots::walk);
    }

    private static void walk(Path out) throws Exception {
        WalletModel model = ScreenshotRun.model();
        AppShell[] shell = new AppShell[1];
        Scene[] scene = new Scene[1];
        onFx(() -> {
            Application.setUserAgentStylesheet(Theme.userAgentStylesheet(false));
            shell[0] = new AppShell(model);
            // -Dcavos.shots.size=1024x700 (the smallest window) or 1920x1080 to see the pages at other sizes
            String[] size = System.getProperty("cavos.shots.size", "1100x720").split("x");
            scene[0] = new Scene(shell[0].root(), Integer.parseInt(size[0]), Integer.parseInt(size[1]));
            Stage stage = new Stage();
            stage.setTitle("Cavos Desktop");
            stage.setScene(scene[0]);
            stage.show();
        });
        try (SandboxNode preview = SandboxNode.start()) {
            String token = preview.dashboard().createWallet(SandboxDashboard.WalletRequest.demo()).token().encode();
            onFx(() -> ((TextField) scene[0].lookup("#token-field")).setText(token));
            both(shell[0], scene[0], out, "import");
        }
        onFx(() -> {
            ((TextField) scene[0].lookup("#token-field")).setText("");
            ((Button) scene[0].lookup("#try-sandbox")).fire();
        });
        await(() -> model.snapshotProperty().get() != null);
        model.walletProperty().get().transfer(Token.STRK, xyz.cavos.wallet.starknet.Felt.parse(RECIPIENT), U256.parseAmount("1.5", 18),
                true, Duration.ofSeconds(30), Progress.SILENT);
        onFx(model::refresh);
        await(() -> model.snapshotProperty().get().balances().getFirst().display().startsWith("998"));
        onFx(() -> shell[0].show(AppShell.Screen.BALANCES));
        both(shell[0], scene[0], out, "balances");
        onFx(() -> {
            shell[0].show(AppShell.Screen.TRANSFER);
            ((TextField) scene[0].lookup("#transfer-recipient")).setText(RECIPIENT);
            ((TextField) scene[0].lookup("#transfer-amount")).setText("12.5");
        });
        both(shell[0], scene[0], out, "transfer");
        reviewSheet(shell[0], scene[0], out, "review-sheet");
        onFx(() -> ((TextField) scene[0].lookup("#transfer-amount")).setText("500"));
        both(shell[0], scene[0], out, "transfer-error");
        onFx(() -> ((TextField) scene[0].lookup("#transfer-amount")).setText(""));
        SandboxNode node = ((LocalSandbox.Started) model.sandboxProperty().get()).node();
        node.mint(model.walletProperty().get().token().walletAddress(), Token.USDC, U256.parseAmount("25", 6));
        onFx(() -> shell[0].show(AppShell.Screen.ACTIVITY));
        await(() -> scene[0].lookup("#activity") instanceof javafx.scene.control.TableView<?> table && table.getItems().size() >= 4);
        both(shell[0], scene[0], out, "activity");
        onFx(() -> shell[0].show(AppShell.Screen.POLICY));
        both(shell[0], scene[0], out, "policy");
        onFx(() -> shell[0].show(AppShell.Screen.SESSION));
        both(shell[0], scene[0], out, "session");
        locked(model, shell[0], scene[0], out);
        settings(model, shell[0], scene[0], out);
        gasless(model, shell[0], scene[0], out);
        sessionStates(model, shell[0], scene[0], out);
        model.shutdown();
        Platform.exit();
        System.exit(0);
    }

    /** The lock screen over the Balances screen, once an app passphrase is set; unlocked again afterwards. */
    private static void locked(WalletModel model, AppShell shell, Scene scene, Path out) throws Exception {
        String passphrase = "screenshots passphrase";
        onFx(() -> model.lock().changePassphrase(new char[0], Optional.of(passphrase.toCharArray()), done -> { }, refused -> {
            throw new IllegalStateException(refused);
        }));
        await(() -> model.lock().passphraseSetProperty().get());
        onFx(() -> {
            shell.show(AppShell.Screen.BALANCES);
            model.lock().lock();
        });
        both(shell, scene, out, "locked");
        onFx(() -> model.lock().unlock(passphrase.toCharArray()));
        await(() -> !model.lockedProperty().get());
    }

    /**
     * Settings with a finished check: the sandbox's own endpoint, and paths on which the sandbox plays a provider
     * that is gone, one that answers with an HTML page and one that is rate-limited.
     */
    private static void settings(WalletModel model, AppShell shell, Scene scene, Path out) throws Exception {
        SandboxNode node = ((LocalSandbox.Started) model.sandboxProperty().get()).node();
        node.setFaults("/rpc/v0_8", FaultPlan.NONE.withGone());
        node.setFaults("/rpc/v0_9", FaultPlan.NONE.withHtml());
        node.setFaults("/rpc/v0_7", FaultPlan.NONE.withRateLimit(30));
        String base = "http://127.0.0.1:" + node.port();
        onFx(() -> shell.show(AppShell.Screen.SETTINGS));
        await(() -> scene.lookup("#settings-endpoints") != null); // a scroll pane's content joins the scene on the next pulse
        @SuppressWarnings("unchecked")
        ListView<Object> list = (ListView<Object>) scene.lookup("#settings-endpoints");
        await(() -> list.getItems().size() == 1);
        int size = 1;
        for (String path : List.of("/rpc/v0_10", "/rpc/v0_8", "/rpc/v0_9", "/rpc/v0_7")) {
            onFx(() -> {
                ((TextField) scene.lookup("#settings-new-url")).setText(base + path);
                ((Button) scene.lookup("#settings-add")).fire();
            });
            int expected = ++size;
            await(() -> list.getItems().size() == expected);
        }
        onFx(() -> {
            list.getSelectionModel().select(0); // the sandbox's default port: nothing of this walk runs there
            ((Button) scene.lookup("#settings-remove")).fire();
        });
        await(() -> list.getItems().size() == 4);
        onFx(() -> {
            list.getSelectionModel().clearSelection();
            ((Button) scene.lookup("#settings-check")).fire();
        });
        await(() -> scene.lookup("#settings-verdict-4") != null);
        both(shell, scene, out, "settings");
        onFx(() -> {
            javafx.scene.Node card = scene.lookup("#settings-privacy");
            javafx.scene.Parent up = card.getParent();
            while (up != null && !(up instanceof javafx.scene.control.ScrollPane)) {
                up = up.getParent();
            }
            if (up instanceof javafx.scene.control.ScrollPane pane) {
                pane.setVvalue(pane.getVmax()); // the lock and privacy card is the page's last
            }
        });
        both(shell, scene, out, "settings-privacy");
    }

    /**
     * Transfer with the sandbox's paymaster set in Settings: the fee sponsored, then paid in USDC with its review sheet;
     * the paymaster is removed again afterwards.
     */
    @SuppressWarnings("unchecked")
    private static void gasless(WalletModel model, AppShell shell, Scene scene, Path out) throws Exception {
        SandboxNode node = ((LocalSandbox.Started) model.sandboxProperty().get()).node();
        onFx(() -> shell.show(AppShell.Screen.SETTINGS));
        await(() -> scene.lookup("#paymaster-url") != null);
        onFx(() -> {
            ((TextField) scene.lookup("#paymaster-url")).setText(node.paymasterUri().toString());
            ((TextField) scene.lookup("#paymaster-api-key")).setText(node.paymasterApiKey());
            ((Button) scene.lookup("#paymaster-save")).fire();
        });
        await(() -> ((javafx.scene.control.Label) scene.lookup("#paymaster-status")).getText().contains("kept in the keychain"));
        onFx(() -> scrollTo(scene.lookup("#settings-paymaster")));
        both(shell, scene, out, "settings-paymaster");
        onFx(() -> shell.show(AppShell.Screen.TRANSFER));
        await(() -> scene.lookup("#transfer-fee-mode") != null && scene.lookup("#transfer-fee-mode").isVisible());
        onFx(() -> {
            ((javafx.scene.control.ComboBox<Token>) scene.lookup("#transfer-token")).setValue(Token.USDC);
            ((TextField) scene.lookup("#transfer-recipient")).setText(RECIPIENT);
            ((TextField) scene.lookup("#transfer-amount")).setText("10");
            ((javafx.scene.control.ComboBox<xyz.cavos.wallet.ui.FeeChoice>) scene.lookup("#transfer-fee-mode"))
                    .setValue(xyz.cavos.wallet.ui.FeeChoice.SPONSORED);
        });
        both(shell, scene, out, "transfer-sponsored");
        onFx(() -> {
            ((javafx.scene.control.ComboBox<xyz.cavos.wallet.ui.FeeChoice>) scene.lookup("#transfer-fee-mode"))
                    .setValue(xyz.cavos.wallet.ui.FeeChoice.TOKEN);
            ((javafx.scene.control.ComboBox<Token>) scene.lookup("#transfer-gas-token")).setValue(Token.USDC);
        });
        both(shell, scene, out, "transfer-token");
        reviewSheet(shell, scene, out, "review-sheet-token");
        onFx(() -> {
            ((TextField) scene.lookup("#transfer-amount")).setText("");
            ((javafx.scene.control.ComboBox<xyz.cavos.wallet.ui.FeeChoice>) scene.lookup("#transfer-fee-mode"))
                    .setValue(xyz.cavos.wallet.ui.FeeChoice.SELF);
            ((javafx.scene.control.ComboBox<Token>) scene.lookup("#transfer-token")).setValue(Token.STRK);
        });
        onFx(() -> shell.show(AppShell.Screen.SESSION));
        await(() -> scene.lookup("#session-fee-mode") != null && scene.lookup("#session-fee-mode").isVisible());
        onFx(() -> ((javafx.scene.control.ComboBox<xyz.cavos.wallet.ui.FeeChoice>) scene.lookup("#session-fee-mode"))
                .setValue(xyz.cavos.wallet.ui.FeeChoice.SPONSORED));
        both(shell, scene, out, "session-gasless");
        onFx(() -> ((javafx.scene.control.ComboBox<xyz.cavos.wallet.ui.FeeChoice>) scene.lookup("#session-fee-mode"))
                .setValue(xyz.cavos.wallet.ui.FeeChoice.SELF));
        onFx(() -> shell.show(AppShell.Screen.SETTINGS));
        onFx(() -> ((Button) scene.lookup("#paymaster-remove")).fire());
        await(() -> ((javafx.scene.control.Label) scene.lookup("#paymaster-status")).getText().startsWith("No paymaster"));
    }

    /** Scrolls the page holding {@code card} so that the card is at its top (or the page at its end). */
    private static void scrollTo(javafx.scene.Node card) {
        javafx.scene.Parent up = card.getParent();
        while (up != null && !(up instanceof javafx.scene.control.ScrollPane)) {
            up = up.getParent();
        }
        if (up instanceof javafx.scene.control.ScrollPane pane) {
            double room = pane.getContent().getBoundsInLocal().getHeight() - pane.getViewportBounds().getHeight();
            double top = pane.getContent().sceneToLocal(card.localToScene(card.getBoundsInLocal())).getMinY();
            pane.setVvalue(pane.getVmin() + (pane.getVmax() - pane.getVmin()) * Math.min(1, top / Math.max(1, room)));
        }
    }

    /** The review sheet of the transfer in the form, light and dark; cancelled after. */
    private static void reviewSheet(AppShell shell, Scene scene, Path out, String name) throws Exception {
        onFx(() -> ((Button) scene.lookup("#transfer-review")).fire());
        javafx.stage.Window[] sheet = new javafx.stage.Window[1];
        await(() -> (sheet[0] = javafx.stage.Window.getWindows().stream()
                .filter(w -> w.getScene() != null && w.getScene().lookup("#review-sheet") != null).findFirst().orElse(null)) != null);
        await(() -> !((Button) sheet[0].getScene().lookup("#confirm-send")).isDisabled()); // armed
        both(shell, sheet[0].getScene(), out, name);
        onFx(() -> ((javafx.scene.control.DialogPane) sheet[0].getScene().lookup("#review-sheet"))
                .lookupButton(javafx.scene.control.ButtonType.CANCEL).fireEvent(new javafx.event.ActionEvent()));
        await(() -> !sheet[0].isShowing());
    }

    /** Offline, expiring soon, expired but renewable, and revoked, by moving the sandbox's clock and revoking. */
    private static void sessionStates(WalletModel model, AppShell shell, Scene scene, Path out) throws Exception {
        SandboxNode node = ((LocalSandbox.Started) model.sandboxProperty().get()).node();
        node.setFaults(new FaultPlan(0, 0, 1, 0, 0));
        onFx(() -> shell.show(AppShell.Screen.BALANCES));
        onFx(model::refresh);
        await(() -> model.connectionProperty().get() == WalletModel.Connection.OFFLINE);
        both(shell, scene, out, "offline");
        node.setFaults(FaultPlan.NONE);
        onFx(model::refresh);
        await(() -> model.connectionProperty().get() == WalletModel.Connection.ONLINE);

        onFx(() -> shell.show(AppShell.Screen.SESSION));
        // a session the account has no record of: the demo one's details with a key that was never registered
        xyz.cavos.wallet.cavos.SessionToken demo = model.walletProperty().get().token();
        java.security.SecureRandom random = new java.security.SecureRandom();
        xyz.cavos.wallet.cavos.SessionToken unregistered = xyz.cavos.wallet.cavos.SessionToken.builder(
                        xyz.cavos.wallet.starknet.StarkCurve.randomPrivateKey(random), demo.walletAddress())
                .validity(demo.validAfter(), demo.validUntil(), demo.renewalDeadlineHint())
                .randomness(xyz.cavos.wallet.starknet.Felt.of(new java.math.BigInteger(248, random)))
                .addressSeed(demo.addressSeed()).appSalt(demo.appSalt()).walletName(demo.walletName())
                .policy(Optional.of(demo.effectivePolicy())).network(demo.network()).chainId(demo.chainId()).rpcUrl(demo.rpcUrl())
                .build();
        onFx(() -> model.connect(unregistered, () -> { }, e -> { }));
        await(() -> model.statusProperty().get() != null
                && model.statusProperty().get().state() == xyz.cavos.wallet.wallet.SessionState.NOT_REGISTERED);
        both(shell, scene, out, "session-not-registered");
        onFx(() -> model.connect(demo, () -> { }, e -> { }));
        await(() -> model.statusProperty().get() != null && model.statusProperty().get().state().canTransact());
        node.increaseTime(model.statusProperty().get().secondsLeft() - 1800);
        onFx(model::refresh);
        await(() -> model.statusProperty().get().state() == xyz.cavos.wallet.wallet.SessionState.EXPIRING_SOON);
        both(shell, scene, out, "session-expiring");
        node.increaseTime(1900);
        onFx(model::refresh);
        await(() -> model.statusProperty().get().state() == xyz.cavos.wallet.wallet.SessionState.EXPIRED_RENEWABLE);
        both(shell, scene, out, "session-renewable");

        WalletService.Renewal renewed = model.walletProperty().get().renew(Duration.ofSeconds(30), Progress.SILENT);
        onFx(() -> model.connect(renewed.newToken(), () -> { }, e -> { }));
        await(() -> model.statusProperty().get() != null && model.statusProperty().get().state().canTransact());
        model.walletProperty().get().revoke(true, Duration.ofSeconds(30), Progress.SILENT);
        onFx(model::refresh);
        await(() -> model.statusProperty().get().state() == xyz.cavos.wallet.wallet.SessionState.REVOKED);
        both(shell, scene, out, "session-revoked");
    }

    private static void both(AppShell shell, Scene scene, Path out, String name) throws Exception {
        onFx(() -> shell.darkProperty().set(false));
        Thread.sleep(600);
        save(scene, out.resolve(name + "-light.png"));
        onFx(() -> shell.darkProperty().set(true));
        Thread.sleep(600);
        save(scene, out.resolve(name + "-dark.png"));
        onFx(() -> shell.darkProperty().set(false));
    }

    private static void save(Scene scene, Path file) throws Exception {
        WritableImage[] image = new WritableImage[1];
        onFx(() -> image[0] = scene.snapshot(null));
        writePng(image[0], file);
    }
}
