package xyz.cavos.wallet.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import xyz.cavos.wallet.starknet.Felt;
import xyz.cavos.wallet.starknet.U256;

/** Numbers, addresses and times as the user reads them on every screen. */
class FormatTest {

    private static U256 units(String amount, int decimals) {
        return U256.parseAmount(amount, decimals);
    }

    @Test
    void amountsAreGroupedWithTheTokensPrecisionInsteadOf1000Point0() {
        assertEquals("1,000.00 STRK", Format.amount(units("1000", 18), 18, "STRK"));
        assertEquals("0.5000 ETH", Format.amount(units("0.5", 18), 18, "ETH"));
        assertEquals("250.00 USDC", Format.amount(units("250", 6), 6, "USDC"));
        assertEquals("1,234,567.89 USDC", Format.amount(units("1234567.891234", 6), 6, "USDC"));
    }

    @Test
    void aBalanceIsCutNeverRoundedUp() {
        assertEquals("899.98 STRK", Format.amount(units("899.9803979424", 18), 18, "STRK"));
        assertEquals("0.9999 ETH", Format.amount(units("0.99999999", 18), 18, "ETH"));
    }

    @Test
    void zeroIsZeroAndDustIsNotShownAsZero() {
        assertEquals("0.00 STRK", Format.amount(U256.ZERO, 18, "STRK"));
        assertEquals("< 0.01 STRK", Format.amount(U256.of(1), 18, "STRK"));
        assertEquals("< 0.0001 ETH", Format.amount(U256.of(5), 18, "ETH"));
    }

    @Test
    void aTokenWithFewDecimalsIsNotPaddedBeyondThem() {
        assertEquals("7 PTS", Format.amount(U256.of(7), 0, "PTS"));
        assertEquals("1.5 XYZ", Format.amount(U256.of(15), 1, "XYZ"));
    }

    @Test
    void exactAmountsKeepEveryDigitWithoutAStrayPointZero() {
        assertEquals("1,000", Format.exact(units("1000", 18), 18));
        assertEquals("0", Format.exact(U256.ZERO, 18));
        assertEquals("899.9803979424", Format.exact(units("899.9803979424", 18), 18));
        assertEquals("80 STRK", Format.exact(units("80", 18), 18, "STRK"));
        assertEquals("0.000000000000000001", Format.exact(U256.of(1), 18));
    }

    @Test
    void anAddressIsWrittenWith64DigitsWhateverWasTyped() {
        Felt typed = Felt.parse("0x517");
        assertEquals("0x" + "0".repeat(61) + "517", Format.address(typed));
        assertEquals(Format.address(Felt.parse("0x0000517")), Format.address(typed));
    }

    @Test
    void aGroupedAddressHasSixteenGroupsOfFour() {
        String grouped = Format.groupedAddress(Felt.parse("0x49d36570d4e46f48e99674bd3fcc84644ddd6b96f7c741b1562b82f9e004dc7"));
        assertEquals("0x 049d 3657 0d4e 46f4 8e99 674b d3fc c846 44dd d6b9 6f7c 741b 1562 b82f 9e00 4dc7", grouped);
    }

    @Test
    void localTimeIsShownBesideUtc() {
        Instant at = Instant.parse("2026-12-01T13:03:22Z");
        assertEquals("2026-12-01 14:03:22 CET (13:03:22 UTC)", Format.time(at, ZoneId.of("Europe/Paris")));
        assertEquals("2026-12-01 13:03:22 UTC", Format.time(at, ZoneOffset.UTC));
    }
}
