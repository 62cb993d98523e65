package xyz.cavos.wallet.wallet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import xyz.cavos.wallet.starknet.Felt;

/** A countdown crossing the session window's edges without asking the chain. */
class SessionStatusTest {

    private static final long AFTER = 1_000_000;
    private static final long UNTIL = AFTER + 24 * 3600;
    private static final long DEADLINE = UNTIL + 48 * 3600;

    private static SessionStatus status(SessionState state, long time) {
        return new SessionStatus(state, Felt.of(7), Felt.of(9), true, AFTER, UNTIL, DEADLINE, time, 12, 0, Optional.empty());
    }

    @Test
    void anActiveSessionTicksThroughEveryTimedState() {
        SessionStatus active = status(SessionState.ACTIVE, AFTER + 10);
        assertEquals(SessionState.NOT_YET_ACTIVE, active.at(AFTER - 1).state());
        assertEquals(SessionState.ACTIVE, active.at(UNTIL - 3601).state());
        assertEquals(SessionState.EXPIRING_SOON, active.at(UNTIL - 3600).state());
        assertEquals(SessionState.EXPIRING_SOON, active.at(UNTIL - 1).state());
        assertEquals(SessionState.EXPIRED_RENEWABLE, active.at(UNTIL).state());
        assertEquals(SessionState.EXPIRED_RENEWABLE, active.at(DEADLINE - 1).state());
        assertEquals(SessionState.EXPIRED, active.at(DEADLINE).state());
        assertEquals(3600, active.at(UNTIL - 3600).secondsLeft());
        assertEquals(UNTIL - 3600, active.at(UNTIL - 3600).chainTime());
    }

    @Test
    void revocationAndRegistrationOnlyChangeOnChain() {
        assertEquals(SessionState.REVOKED, status(SessionState.REVOKED, AFTER + 10).at(AFTER + 20).state());
        assertEquals(SessionState.NOT_REGISTERED, status(SessionState.NOT_REGISTERED, AFTER + 10).at(UNTIL + 5).state());
    }

    @Test
    void aShortSessionIsExpiringSoonInItsLastFifth() {
        SessionStatus tenMinutes = new SessionStatus(SessionState.ACTIVE, Felt.of(7), Felt.of(9), true, 0, 600, 1200, 0, 1, 0, Optional.empty());
        assertEquals(SessionState.ACTIVE, tenMinutes.at(479).state());
        assertEquals(SessionState.EXPIRING_SOON, tenMinutes.at(480).state());
    }
}
