package xyz.cavos.wallet.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Amounts hidden in a line of text: the figures go, the words and the token symbols stay. */
class HiddenAmountsTest {

    @Test
    void everyAmountBecomesDotsAndTheWordsStay() {
        assertEquals("Available: ••• STRK · session limit left: ••• STRK",
                HiddenAmounts.mask("Available: 1,000.5 STRK · session limit left: 50 STRK"));
        assertEquals("+••• ETH", HiddenAmounts.mask("+0.0015 ETH"));
        assertEquals("−••• USDC", HiddenAmounts.mask("−< 0.01 USDC"));
        assertEquals("More than the ••• STRK available.", HiddenAmounts.mask("More than the 1,000 STRK available."));
    }

    @Test
    void numbersThatAreNotAmountsStay() {
        assertEquals("Since the first export: ••• STRK (2 renewals)", HiddenAmounts.mask("Since the first export: 12.5 STRK (2 renewals)"));
        assertEquals("Session: Active · 2 h 5 min left", HiddenAmounts.mask("Session: Active · 2 h 5 min left"));
        assertEquals("sandbox · block 42", HiddenAmounts.mask("sandbox · block 42"));
    }

    @Test
    void aFigureAloneIsDotsOnlyWhileHidden() {
        assertEquals("•••", HiddenAmounts.figure("1,000.00", true));
        assertEquals("1,000.00", HiddenAmounts.figure("1,000.00", false));
        assertEquals("", HiddenAmounts.figure("", true), "an empty cell stays empty");
    }
}
