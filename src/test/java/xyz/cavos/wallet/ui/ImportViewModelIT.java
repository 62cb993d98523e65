package xyz.cavos.wallet.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import xyz.cavos.wallet.app.LocalSandbox;
import xyz.cavos.wallet.cavos.SessionPolicy;
import xyz.cavos.wallet.cavos.SessionToken;
import xyz.cavos.wallet.sandbox.SandboxDashboard;
import xyz.cavos.wallet.sandbox.SandboxNode;
import xyz.cavos.wallet.wallet.SessionStorage;
import xyz.cavos.wallet.ui.balances.BalancesViewModel;
import xyz.cavos.wallet.ui.importsession.ImportViewModel;
import xyz.cavos.wallet.wallet.ConnectionOptions;

/** The Import and Balances view-models against a real in-process sandbox, without a window. */
class ImportViewModelIT {

    @TempDir
    Path home;

    private WalletModel model;
    private final SandboxNode node = SandboxNode.start();

    private WalletModel model() {
        model = new WalletModel(UiExecutor.direct(),
                SessionStorage.open(home, Optional.of("encrypted-file"), "test passphrase"::toCharArray),
                ConnectionOptions.DEFAULT, new LocalSandbox());
        return model;
    }

    @AfterEach
    void stop() {
        if (model != null) {
            model.shutdown();
        }
        node.close();
    }

    @Test
    void aPastedTokenIsPreviewedBeforeAnythingIsSaved() {
        ImportViewModel vm = new ImportViewModel(model());
        SandboxDashboard.DemoWallet demo = node.dashboard().createWallet(SandboxDashboard.WalletRequest.demo());
        vm.tokenTextProperty().set("  \"" + demo.token().encode() + "\"\n");
        assertTrue(vm.validProperty().get());
        assertEquals(demo.address().toPaddedHex(), vm.walletAddressProperty().get());
        assertEquals("sandbox", vm.networkProperty().get());
        assertTrue(vm.expiryProperty().get().endsWith("UTC"));
        assertEquals("100 STRK, 0.1 ETH, 50 USDC · 4 allowed contracts · 5 calls per transaction", vm.policySummaryProperty().get());
        assertEquals(List.of(), vm.warnings());
        assertTrue(model.store().load().isEmpty(), "nothing is stored before Import");

        vm.importToken();
        assertTrue(vm.importedProperty().get(), vm.errorProperty().get());
        assertTrue(model.store().load().orElseThrow().sameSession(demo.token()));
        assertEquals("", vm.tokenTextProperty().get(), "the token leaves the field once it is in the keychain");
        assertTrue(vm.clipboardOfferProperty().get(), "clearing the clipboard is offered");
        assertTrue(vm.isImportedToken(demo.token().encode() + "\n"));
        assertFalse(vm.isImportedToken("something else the person copied"));
        vm.dismissClipboardOffer();
        assertFalse(vm.clipboardOfferProperty().get());
        assertEquals(WalletModel.Connection.ONLINE, model.connectionProperty().get());
        BalancesViewModel balances = new BalancesViewModel(model);
        balances.onShown();
        assertEquals("1,000.00", balances.rows().getFirst().balance());
        assertEquals(demo.address().toPaddedHex(), balances.walletAddressProperty().get());
    }

    @Test
    void aBadTokenShowsWhyAndKeepsThePreviousSession() {
        WalletModel walletModel = model();
        ImportViewModel vm = new ImportViewModel(walletModel);
        SessionToken first = node.dashboard().createWallet(SandboxDashboard.WalletRequest.demo()).token();
        vm.tokenTextProperty().set(first.encode());
        vm.importToken();

        vm.tokenTextProperty().set(first.encode().substring(0, 120));
        assertFalse(vm.validProperty().get());
        assertTrue(vm.errorProperty().get().contains("truncated") || vm.errorProperty().get().contains("cut"), vm.errorProperty().get());
        vm.importToken();
        assertTrue(walletModel.store().load().orElseThrow().sameSession(first), "the failed import changed nothing");
        vm.tokenTextProperty().set("");
        assertEquals("", vm.errorProperty().get());
    }

    @Test
    void theImportResultIsClearedWhenTheSessionIsRemoved() {
        WalletModel walletModel = model();
        ImportViewModel vm = new ImportViewModel(walletModel);
        vm.onShown();
        vm.tokenTextProperty().set(node.dashboard().createWallet(SandboxDashboard.WalletRequest.demo()).token().encode());
        vm.importToken();
        assertTrue(vm.resultProperty().get().startsWith("Session imported"), vm.resultProperty().get());
        walletModel.forget(() -> { }, e -> {
            throw new AssertionError(e);
        });
        assertEquals("", vm.resultProperty().get());
    }

    @Test
    void anUnlimitedSessionIsFlagged() {
        ImportViewModel vm = new ImportViewModel(model());
        SandboxDashboard.DemoWallet demo = node.dashboard().createWallet(SandboxDashboard.WalletRequest.demo());
        SessionToken open = node.dashboard().registerSession(demo.address(),
                SandboxDashboard.SessionRequest.of(new SessionPolicy(List.of(), List.of(), 10), 3600));
        vm.tokenTextProperty().set(open.encode());
        assertTrue(vm.warnings().contains("No spending limits: unlimited transfers allowed."), vm.warnings().toString());
        assertTrue(vm.warnings().contains("No contract allow-list: the session may call any contract."), vm.warnings().toString());
    }

    @Test
    void tryTheSandboxStartsANodeAndImportsAFundedSession() {
        WalletModel walletModel = model();
        ImportViewModel vm = new ImportViewModel(walletModel);
        vm.trySandbox();
        assertTrue(vm.importedProperty().get(), vm.errorProperty().get());
        assertTrue(vm.resultProperty().get().startsWith("Demo session imported"), vm.resultProperty().get());
        assertTrue(walletModel.sandboxProperty().get() != null, "the app keeps its sandbox running");
        assertEquals("1000.0", walletModel.snapshotProperty().get().balances().getFirst().display());
        assertEquals("Active", walletModel.statusProperty().get().state().label());
    }

    /** Reported: the in-app sandbox died with the app and its session was left pointing at nothing. */
    @Test
    void theSandboxIsAProfileWhoseChainSurvivesARestartOfTheApp() {
        WalletModel first = new WalletModel(UiExecutor.direct(),
                SessionStorage.open(home, Optional.of("encrypted-file"), "test passphrase"::toCharArray),
                ConnectionOptions.DEFAULT, new LocalSandbox(home));
        new ImportViewModel(first).trySandbox();
        assertEquals("sandbox", first.sessionNameProperty().get());
        first.walletProperty().get().transfer(xyz.cavos.wallet.cavos.Token.STRK, SandboxWallet.RECIPIENT,
                xyz.cavos.wallet.starknet.U256.parseAmount("1.5", 18), true, java.time.Duration.ofSeconds(30),
                xyz.cavos.wallet.wallet.Progress.SILENT);
        first.shutdown(); // the app quits, and its sandbox with it

        model = new WalletModel(UiExecutor.direct(),
                SessionStorage.open(home, Optional.empty(), "test passphrase"::toCharArray),
                ConnectionOptions.DEFAULT, new LocalSandbox(home));
        model.openCurrent(() -> { }, e -> {
            throw new AssertionError(e);
        });
        assertTrue(model.sandboxProperty().get() != null, "the sandbox was started again from its kept chain");
        assertEquals(WalletModel.Connection.ONLINE, model.connectionProperty().get(), model.connectionDetailProperty().get());
        assertTrue(model.snapshotProperty().get().balances().getFirst().display().startsWith("998.49"),
                "the demo wallet is as it was left: " + model.snapshotProperty().get().balances().getFirst().display());
        assertEquals(1, model.snapshotProperty().get().callsMade());
    }
}
