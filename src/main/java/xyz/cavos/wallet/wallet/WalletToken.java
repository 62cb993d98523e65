package xyz.cavos.wallet.wallet;

import xyz.cavos.wallet.cavos.Token;

/**
 * A token the wallet shows: built in, named by a session's spending policy, or added by hand. The symbol and decimals of
 * the last two come from the token's contract; {@code lookalike}: its symbol is one a built-in token or another listed
 * token has, so it is shown with a short address ({@code token().symbol()}) and never taken for the other one.
 */
public record WalletToken(Token token, Source source, boolean lookalike) {

    /** Why the wallet lists a token. */
    public enum Source {
        /** One of the tokens the wallet knows by name. */
        BUILT_IN,
        /** A session's spending policy names it. */
        POLICY,
        /** Added by hand. */
        ADDED;

        /** As scripts and people read it: {@code built-in}, {@code policy}, {@code added}. */
        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /** Whether it can be removed from the list: only a token added by hand. */
    public boolean removable() {
        return source == Source.ADDED;
    }
}
