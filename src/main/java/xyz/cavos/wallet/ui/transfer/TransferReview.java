package xyz.cavos.wallet.ui.transfer;

import java.util.List;
import xyz.cavos.wallet.ui.Confirmations;
import xyz.cavos.wallet.ui.Confirmations.Detail;
import xyz.cavos.wallet.ui.Format;

/** A finished review: the request it was made for, its fee, and what the spending limit keeps after it. */
record TransferReview(TransferRequest request, String fee, String limitAfter) {

    /** What the review sheet shows, one detail a line, all of it from the reviewed request. */
    List<Detail> details() {
        return List.of(
                Detail.amount("Amount", request.amountText()),
                Detail.address("To", Format.groupedAddress(request.recipient())),
                Detail.address("From", Format.groupedAddress(request.wallet().token().walletAddress())),
                Detail.plain("Network", request.wallet().network().name()),
                Detail.plain("Fee", fee),
                Detail.plain("Limit after", limitAfter));
    }

    Confirmations.Question question() {
        return new Confirmations.Question("Review transfer", "Send " + request.amountText() + "?",
                "Check the address against the one you were given, group by group. Once sent, a transfer cannot be undone.",
                "Send", "confirm-send", false, details());
    }
}
