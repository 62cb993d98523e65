package xyz.cavos.wallet.wallet;

import java.time.Instant;
import java.util.Optional;
import xyz.cavos.wallet.starknet.Felt;

/**
 * A session kept on this computer, as listed without opening the keychain: its name, wallet and session key, the
 * network and RPC URL chosen at import, where its token is ({@code keychain} or {@code encrypted-file}), when it was
 * imported (unknown for one from before sessions had names), and whether it is the current session. Nothing secret.
 */
public record StoredSession(String name, Felt walletAddress, Felt sessionPublicKey, Optional<String> network,
        Optional<String> rpcUrl, String kind, Optional<Instant> importedAt, boolean current) {
}
