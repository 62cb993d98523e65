package xyz.cavos.wallet.cli;

import java.util.Map;
import xyz.cavos.wallet.sandbox.SandboxDashboard;
import xyz.cavos.wallet.testing.SandboxFixture;

/** A sandbox and an empty CAVOS_HOME for a CLI test: {@link #cli()} runs as the wallet made by {@link #createWallet}. */
final class CliSandbox extends SandboxFixture {

    /** No account is deployed at this address in the sandbox; the tests send to it. */
    static final String RECIPIENT = "0x517c8f3d2e1a09b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b";

    private SandboxDashboard.DemoWallet wallet;

    /** Makes a wallet on the node (see {@link SandboxDashboard#createWallet}); {@link #cli()} uses its session. */
    SandboxDashboard.DemoWallet createWallet(SandboxDashboard.WalletRequest request) {
        wallet = node().dashboard().createWallet(request);
        return wallet;
    }

    /** The command line with the home folder as CAVOS_HOME and the wallet's session as CAVOS_TOKEN. */
    Cli cli() {
        return new Cli(Map.of("CAVOS_HOME", home().toString(), "CAVOS_TOKEN", wallet.token().encode()));
    }
}
