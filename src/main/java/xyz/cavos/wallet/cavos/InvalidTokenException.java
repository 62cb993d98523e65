package xyz.cavos.wallet.cavos;

/**
 * A session token that cannot be used. The message says what is wrong and what to do; it never contains
 * the token or any part of its private key.
 */
public final class InvalidTokenException extends IllegalArgumentException {

    public InvalidTokenException(String message) {
        super(message);
    }
}
