package xyz.cavos.wallet.wallet;

import java.time.Duration;
import java.util.Optional;
import xyz.cavos.wallet.cavos.SessionToken;
import xyz.cavos.wallet.starknet.Felt;
import xyz.cavos.wallet.testing.SandboxFixture;

/** A sandbox and an empty home folder for a wallet test: {@link #connect} keeps the session's files in that folder. */
final class WalletSandbox extends SandboxFixture {

    /** No account is deployed at this address in the sandbox; the tests send to it. */
    static final Felt RECIPIENT = Felt.parse("0x517c8f3d2e1a09b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b");
    /** How long the tests wait for a transaction to be accepted. */
    static final Duration WAIT = Duration.ofSeconds(20);

    /** The wallet service for the session, found by its token's hints, with an encrypted-file store in the home folder. */
    WalletService connect(SessionToken token) {
        return WalletService.connect(token, ConnectionOptions.DEFAULT,
                Optional.of(SessionStorage.open(home(), Optional.of("encrypted-file"), "unused"::toCharArray)));
    }
}
