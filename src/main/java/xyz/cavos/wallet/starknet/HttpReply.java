package xyz.cavos.wallet.starknet;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** An HTTP reply as {@link NodeConnection} reads it: the status, the first value of each header by lower-case name, the body. */
record HttpReply(int status, Map<String, String> headers, String body) {

    Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }
}
