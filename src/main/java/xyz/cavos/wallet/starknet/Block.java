package xyz.cavos.wallet.starknet;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/**
 * A block header with its transaction hashes. A pre-confirmed block has no hash yet; its number is the
 * height being built. Gas prices are in fri (10^-18 STRK).
 */
public record Block(
        Optional<Felt> blockHash,
        long blockNumber,
        long timestamp,
        String status,
        BigInteger l1GasPrice,
        BigInteger l2GasPrice,
        BigInteger l1DataGasPrice,
        String starknetVersion,
        List<Felt> transactionHashes) {

    public Block {
        transactionHashes = List.copyOf(transactionHashes);
    }

    public boolean isPreConfirmed() {
        return blockHash.isEmpty();
    }
}
