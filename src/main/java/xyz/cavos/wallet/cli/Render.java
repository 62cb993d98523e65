package xyz.cavos.wallet.cli;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import xyz.cavos.wallet.starknet.U256;
import xyz.cavos.wallet.wallet.Progress;
import xyz.cavos.wallet.wallet.WalletService;

/** Formatting shared by the text and the JSON: times, durations, fees; and progress on stderr. */
final class Render {

    private static final DateTimeFormatter HUMAN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private Render() {
    }

    static String time(Instant instant) {
        return HUMAN.format(instant);
    }

    static String iso(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }

    static String duration(long seconds) {
        long s = Math.max(0, seconds);
        long days = s / 86_400;
        long hours = s % 86_400 / 3600;
        long minutes = s % 3600 / 60;
        return days > 0 ? days + "d " + hours + "h" : hours > 0 ? hours + "h " + minutes + "m" : minutes + "m " + (s % 60) + "s";
    }

    /** A fee in fri as an exact STRK amount, without the unit. */
    static String strkAmount(java.math.BigInteger fri) {
        return amount(fri, 18);
    }

    /** Base units as an exact amount of a token with these decimals. */
    static String amount(java.math.BigInteger units, int decimals) {
        return U256.of(units).toAmountString(decimals);
    }

    /** The block a receipt is in, if it was waited for. */
    static java.util.OptionalLong blockNumber(java.util.Optional<xyz.cavos.wallet.starknet.TransactionReceipt> receipt) {
        return receipt.map(r -> java.util.OptionalLong.of(r.blockNumber())).orElse(java.util.OptionalLong.empty());
    }

    /** Progress on stderr for people; the transaction hash on stderr in both modes. */
    static Progress progress(Output output, WalletService wallet) {
        return new Progress() {
            @Override
            public void step(String message) {
                output.progress("… " + message);
            }

            @Override
            public void submitted(xyz.cavos.wallet.starknet.Felt hash) {
                output.transaction("Transaction: " + hash.toHex() + wallet.network().explorerLink(hash).map(l -> "  " + l).orElse(""));
            }
        };
    }
}
