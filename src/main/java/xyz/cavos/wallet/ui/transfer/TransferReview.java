package xyz.cavos.wallet.ui.transfer;

import java.util.List;
import xyz.cavos.wallet.ui.Confirmations;

/** A finished review: the request it was made for, its fee, and what the spending limit keeps after it. */
record TransferReview(TransferRequest request, String fee, String limitAfter) {

    /** What the confirmation shows, one line per detail, all of it from the reviewed request. */
    List<String> lines() {
        return List.of(
                "Send " + request.amountText(),
                "To " + request.recipient().toPaddedHex(),
                "From " + request.wallet().token().walletAddress().toPaddedHex(),
                "Network " + request.wallet().network().name(),
                "Fee " + fee,
                limitAfter);
    }

    Confirmations.Question question() {
        return new Confirmations.Question("Confirm transfer", "Send this transfer?", String.join("\n", lines()), "Send",
                "confirm-send", false);
    }
}
