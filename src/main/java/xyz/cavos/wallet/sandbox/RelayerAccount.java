package xyz.cavos.wallet.sandbox;

import java.util.List;
import xyz.cavos.wallet.starknet.Felt;
import xyz.cavos.wallet.starknet.Selector;
import xyz.cavos.wallet.starknet.StarkCurve;

/**
 * The paymaster's relayer: a plain account, not a Cavos account. Its {@code __validate__} accepts a transaction
 * whose signature is {@code [r, s]} by its one Stark key over the transaction hash; its {@code __execute__} runs the
 * calls with no policy. The sandbox deploys it at genesis under a fixed, published key, as starknet-devnet does with
 * its predeployed accounts: the sandbox's chain id keeps anything it signs off public networks.
 */
final class RelayerAccount {

    /** The relayer's key: public on purpose, the sandbox holds no value. */
    static final Felt PRIVATE_KEY = Felt.parse("0xa945415e8070bd6c4e59825b8fc0e93dcd806e1585320d1829379a476f0bf2");
    static final Felt PUBLIC_KEY = StarkCurve.publicKey(PRIVATE_KEY);
    static final Felt ADDRESS = Felt.parse("0x7e1a7e5a9d3c0b8f2e4d6c1a3b5f7e9d0c2b4a6f8e1d3c5b7a9f0e2d4c6b8a1");
    /** The sandbox's own class hash for it (no public class is claimed). */
    static final Felt CLASS_HASH = Felt.fromShortString("cavos-sandbox-relayer");
    static final Felt GET_PUBLIC_KEY = Selector.of("get_public_key");
    static final String INVALID_SIGNATURE = "Account: invalid signature";

    private RelayerAccount() {
    }

    static WorldState.Account deployed() {
        WorldState.Account account = new WorldState.Account();
        account.publicKey = PUBLIC_KEY;
        return account;
    }

    static void validate(WorldState.Account account, Felt txHash, List<Felt> signature) {
        boolean valid = signature.size() == 2
                && StarkCurve.verify(account.publicKey, txHash, new StarkCurve.Signature(signature.get(0), signature.get(1)));
        if (!valid) {
            throw new ContractPanic(INVALID_SIGNATURE);
        }
    }

    /** Its entry points other than the protocol's: {@code get_public_key}. */
    static List<Felt> call(WorldState.Account account, Felt caller, Felt selector, List<Felt> data) {
        Cairo.Args args = new Cairo.Args(data);
        if (selector.equals(GET_PUBLIC_KEY)) {
            args.end();
            return List.of(account.publicKey);
        }
        if (selector.equals(ExecutionErrors.EXECUTE) || selector.equals(ExecutionErrors.VALIDATE)) {
            throw new ContractPanic("Account: invalid caller");
        }
        throw Cairo.entryPointNotFound(selector);
    }
}
