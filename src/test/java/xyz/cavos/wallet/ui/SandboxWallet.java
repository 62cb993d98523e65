package xyz.cavos.wallet.ui;

import java.nio.file.Path;
import java.util.Optional;
import xyz.cavos.wallet.app.LocalSandbox;
import xyz.cavos.wallet.cavos.Token;
import xyz.cavos.wallet.sandbox.SandboxDashboard;
import xyz.cavos.wallet.sandbox.SandboxNode;
import xyz.cavos.wallet.starknet.Felt;
import xyz.cavos.wallet.starknet.U256;
import xyz.cavos.wallet.wallet.SessionStorage;
import xyz.cavos.wallet.wallet.ConnectionOptions;
import xyz.cavos.wallet.testing.SpecCheckingProxy;
import xyz.cavos.wallet.wallet.NetworkSettings;
import xyz.cavos.wallet.wallet.Progress;

/**
 * A view-model test's world: an in-process sandbox with the dashboard's demo wallet, its session stored
 * in an encrypted file under {@code home} and connected through a {@link WalletModel} that runs work on the
 * calling thread, or holds it while a test looks at what happens meanwhile.
 */
final class SandboxWallet implements AutoCloseable {

    static final Felt RECIPIENT = Felt.parse("0x517c8f3d2e1a09b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b");

    final SandboxNode node = SandboxNode.start();
    final SandboxDashboard.DemoWallet demo = node.dashboard().createWallet(SandboxDashboard.WalletRequest.demo());
    final HeldExecutor executor = new HeldExecutor();
    final WalletModel model;
    /** The paymaster as Settings names it: through a proxy checking each exchange against the SNIP-29 OpenRPC document. */
    private SpecCheckingProxy paymaster;

    SandboxWallet(Path home) {
        model = new WalletModel(executor,
                SessionStorage.open(home, Optional.of("encrypted-file"), "test passphrase"::toCharArray),
                ConnectionOptions.DEFAULT, new LocalSandbox());
        model.store().save(demo.token(), demo.token().network(), demo.token().rpcUrl());
        model.connect(demo.token(), () -> { }, e -> {
            throw new AssertionError(e);
        });
    }

    /**
     * Sets the sandbox's paymaster (behind a spec-checking proxy) and its API key in Settings; on {@link #close()} the key
     * leaves the keychain again, and every paymaster exchange must have followed the SNIP-29 document.
     */
    void setPaymaster() {
        paymaster = new SpecCheckingProxy(node.paymasterUri());
        NetworkSettings settings = NetworkSettings.open(model.store().home());
        settings.setPaymaster(Optional.of(paymaster.uri().toString()));
        settings.setPaymasterApiKey(Optional.of(node.paymasterApiKey()));
    }

    /** The paymaster set by {@link #setPaymaster()} as the app shows it: scheme, host and port. */
    String paymasterShown() {
        return "http://127.0.0.1:" + paymaster.uri().getPort();
    }

    /** A second session of the demo wallet, from the dashboard, connected in place of the first. */
    void connectAnotherSession() {
        var other = node.dashboard().registerSession(demo.address(), SandboxDashboard.SessionRequest.demo());
        model.connect(other, () -> { }, e -> {
            throw new AssertionError(e);
        });
    }

    /** Sends STRK from the session (as another screen or the CLI would) and re-reads the wallet. */
    void send(String strk) {
        model.walletProperty().get().transfer(Token.STRK, RECIPIENT, U256.parseAmount(strk, 18), true, java.time.Duration.ofSeconds(30),
                Progress.SILENT);
        model.refresh();
    }

    /** Sends STRK from the session as another device would: the app's last read does not see it until it refreshes. */
    void spendUnseen(String strk) {
        model.walletProperty().get().transfer(Token.STRK, RECIPIENT, U256.parseAmount(strk, 18), true, java.time.Duration.ofSeconds(30),
                Progress.SILENT);
    }

    @Override
    public void close() {
        model.shutdown();
        if (paymaster != null) {
            NetworkSettings.open(model.store().home()).setPaymasterApiKey(Optional.empty());
            paymaster.close();
            if (!paymaster.specProblems().isEmpty()) {
                node.close();
                throw new AssertionError("paymaster exchanges outside the SNIP-29 document: " + paymaster.specProblems());
            }
        }
        node.close();
    }
}
