package org.jekafo.command.membership;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.jekafo.command.common.ExpectedVersion;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.jekafo.api.membership.MembershipAggregates;
import org.jekafo.api.common.Gender;
import org.jekafo.api.common.PersonalData;
import org.jekafo.api.common.TextLimit;
import org.jekafo.api.membership.ChangeMemberPhoneCommand;
import org.jekafo.api.membership.ChangeMemberTradesCommand;
import org.jekafo.api.membership.CorrectMemberIdentityCommand;
import org.jekafo.api.membership.DuesPaymentRecordedEvent;
import org.jekafo.api.membership.ErasePersonalDataCommand;
import org.jekafo.api.membership.MemberDeathRecordedEvent;
import org.jekafo.api.membership.MemberIdentityCorrectedEvent;
import org.jekafo.api.membership.MemberPersonalDataErasedEvent;
import org.jekafo.api.membership.MemberPhoneChangedEvent;
import org.jekafo.api.membership.MemberRegisteredEvent;
import org.jekafo.api.membership.MemberReinstatedEvent;
import org.jekafo.api.membership.MemberResignedEvent;
import org.jekafo.api.membership.MemberStatus;
import org.jekafo.api.membership.MemberSuspendedEvent;
import org.jekafo.api.membership.MemberTradesChangedEvent;
import org.jekafo.api.membership.MemberTransferredEvent;
import org.jekafo.api.membership.RecordDuesPaymentCommand;
import org.jekafo.api.membership.RecordMemberDeathCommand;
import org.jekafo.api.membership.RecordMemberResignationCommand;
import org.jekafo.api.membership.RegisterMemberCommand;
import org.jekafo.api.membership.ReinstateMemberCommand;
import org.jekafo.api.membership.SuspendMemberCommand;
import org.jekafo.api.membership.TransferMemberCommand;
import org.jekafo.api.common.Refusal;
import org.jekafo.command.common.CommandRefusedException;
import org.jekafo.command.common.Problems;
import org.jekafo.command.common.Require;
import org.jekafo.command.orgunit.OrgUnitDirectory;
import org.jekafo.command.orgunit.OrgUnitEntry;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.jekafo.command.common.RefusalCodes.ALREADY_ERASED;
import static org.jekafo.command.common.RefusalCodes.DUPLICATE_ID;
import static org.jekafo.command.common.RefusalCodes.DUPLICATE_RECEIPT;
import static org.jekafo.command.common.RefusalCodes.ILLEGAL_STATUS_TRANSITION;
import static org.jekafo.command.common.RefusalCodes.INVALID_AMOUNT;
import static org.jekafo.command.common.RefusalCodes.INVALID_CARD_NUMBER;
import static org.jekafo.command.common.RefusalCodes.INVALID_INPUT;
import static org.jekafo.command.common.RefusalCodes.MEMBER_DECEASED;
import static org.jekafo.command.common.RefusalCodes.PERSONAL_DATA_ERASED;
import static org.jekafo.command.common.RefusalCodes.POSSIBLE_DUPLICATE;
import static org.jekafo.command.common.RefusalCodes.UNKNOWN_ORG_UNIT;

/** A registered artisan: identity, local unit, trades, status and dues; once its personal data is erased, nothing changes any more. */
@Aggregate(type = MembershipAggregates.MEMBER) // the type stored with each event: history reads it
class Member {

    private static final String CARD_PATTERN = "[A-Z]{2,3}-\\d{6}";

    @AggregateIdentifier
    private String memberId;
    private String lastName;
    private String firstName;
    private Gender gender;
    private Integer birthYear;
    private String phone;
    private String nationalId;
    private boolean disability;
    private List<String> trades;
    private String localUnitId;
    private MemberStatus status;
    private boolean personalDataErased;
    private final Map<String, DuesPaymentRecordedEvent> paymentsByReceipt = new HashMap<>();

    Member() {
        // for Axon
    }

    /** A command decided on a version of this member that is no longer the current one is refused. */
    @CommandHandlerInterceptor
    Object refuseStaleVersions(CommandMessage<?> command, InterceptorChain chain) throws Exception {
        ExpectedVersion.check(command, memberId);
        return chain.proceed();
    }

    /** Refused with every problem of its fields at once, then with every clash with other members at once. */
    @CommandHandler
    Member(RegisterMemberCommand command, MemberDirectory members, OrgUnitDirectory units) {
        Problems problems = new Problems();
        String last = problems.check(() -> MemberInput.name(command.lastName(), TextLimit.LAST_NAME));
        String first = problems.check(() -> MemberInput.name(command.firstName(), TextLimit.FIRST_NAME));
        Gender newGender = problems.check(() -> MemberInput.gender(command.gender()));
        Integer year = problems.check(() -> MemberInput.birthYear(command.birthYear()));
        String newPhone = problems.check(() -> MemberInput.phone(command.phone()));
        List<String> newTrades = problems.check(() -> MemberInput.trades(command.trades()));
        OrgUnitEntry unit = problems.check(() -> MemberInput.openLocalUnit(units, command.localUnitId(), "localUnitId"));
        LocalDate enrolledOn = problems.check(() -> MemberInput.notInFuture(command.enrolledOn(), "enrolledOn"));
        String newNationalId = problems.check(() -> MemberInput.nationalId(command.nationalId()));
        String requestedCard = problems.check(() -> MemberInput.cardNumber(command.cardNumber()));
        if (requestedCard != null) {
            problems.check(() -> Require.that(requestedCard.matches(CARD_PATTERN), INVALID_CARD_NUMBER, "cardNumber",
                    "Le numéro de carte « " + command.cardNumber() + " » n'a pas la forme attendue (par ex. SG-000123)."));
        }
        problems.refuseIfAny();
        MemberDirectory.Clashes clashes = members.clashes(command.memberId(), requestedCard, newNationalId, NameKey.of(last, first, year),
                unit.orgUnitId());
        problems.check(() -> Require.that(!clashes.idTaken(), DUPLICATE_ID, "memberId",
                "Cet identifiant est déjà celui d'un autre membre : choisissez-en un nouveau (UUID)."));
        problems.check(() -> requireFree(clashes.nationalIdHolder(), newNationalId));
        problems.check(() -> clashes.cardHolder().ifPresent(holder -> {
            throw MemberDirectory.cardNumberTaken(requestedCard);
        }));
        List<String> lookAlikes = clashes.lookAlikes();
        if (!lookAlikes.isEmpty() && !command.confirmPossibleDuplicate()) {
            problems.check(() -> {
                throw new CommandRefusedException(new Refusal(POSSIBLE_DUPLICATE, "lastName",
                        "Un membre du même nom, né la même année, existe déjà dans cette unité locale. Vérifiez qu'il "
                                + "ne s'agit pas de la même personne, puis confirmez l'enregistrement.")
                        .about(lookAlikes));
            });
        }
        problems.refuseIfAny();
        String card = requestedCard != null ? requestedCard : allocatedCardNumber(members, units, unit);
        apply(new MemberRegisteredEvent(command.memberId(), card, last, first, newGender, year, newPhone,
                newNationalId, newTrades, unit.orgUnitId(), command.disability(), enrolledOn,
                !lookAlikes.isEmpty()));
    }

    @CommandHandler
    void handle(CorrectMemberIdentityCommand command, MemberDirectory members) {
        requireAlive();
        Problems problems = new Problems();
        String last = command.lastName() == null ? lastName
                : problems.check(() -> MemberInput.name(command.lastName(), TextLimit.LAST_NAME));
        String first = command.firstName() == null ? firstName
                : problems.check(() -> MemberInput.name(command.firstName(), TextLimit.FIRST_NAME));
        Gender newGender = command.gender() == null ? gender : problems.check(() -> MemberInput.gender(command.gender()));
        Integer year = command.birthYear() == null ? birthYear
                : problems.check(() -> MemberInput.birthYear(command.birthYear()));
        String newNationalId = command.nationalId() == null ? nationalId
                : problems.check(() -> MemberInput.nationalId(command.nationalId()));
        String reason = problems.check(() -> MemberInput.reason(command.reason()));
        problems.refuseIfAny();
        boolean newDisability = command.disability() == null ? disability : command.disability();
        if (!Objects.equals(newNationalId, nationalId)) {
            requireFreeNationalId(members, newNationalId);
        }
        boolean changed = !last.equals(lastName) || !first.equals(firstName) || newGender != gender
                || !Objects.equals(year, birthYear) || !Objects.equals(newNationalId, nationalId) || newDisability != disability;
        if (changed) {
            apply(new MemberIdentityCorrectedEvent(memberId, last, first, newGender, year, newNationalId,
                    newDisability, reason));
        }
    }

    @CommandHandler
    void handle(ChangeMemberPhoneCommand command) {
        requireAlive();
        String newPhone = MemberInput.phone(command.phone());
        if (!newPhone.equals(phone)) {
            apply(new MemberPhoneChangedEvent(memberId, newPhone));
        }
    }

    @CommandHandler
    void handle(ChangeMemberTradesCommand command) {
        requireAlive();
        List<String> newTrades = MemberInput.trades(command.trades());
        if (!newTrades.equals(trades)) {
            apply(new MemberTradesChangedEvent(memberId, newTrades));
        }
    }

    @CommandHandler
    void handle(TransferMemberCommand command, OrgUnitDirectory units) {
        requireAlive();
        OrgUnitEntry target = MemberInput.openLocalUnit(units, command.toLocalUnitId(), "toLocalUnitId");
        Require.that(!target.orgUnitId().equals(localUnitId), INVALID_INPUT, "toLocalUnitId",
                "Le membre est déjà rattaché à cette unité locale.");
        apply(new MemberTransferredEvent(memberId, localUnitId, target.orgUnitId(), MemberInput.reason(command.reason())));
    }

    @CommandHandler
    void handle(SuspendMemberCommand command) {
        requireAlive();
        String reason = MemberInput.requiredReason(command.reason(), "Le motif de la suspension est obligatoire.");
        requireStatus(MemberStatus.ACTIVE, "Seul un membre actif peut être suspendu.");
        apply(new MemberSuspendedEvent(memberId, reason));
    }

    @CommandHandler
    void handle(ReinstateMemberCommand command) {
        requireAlive();
        String reason = MemberInput.reason(command.reason());
        Require.that(status == MemberStatus.SUSPENDED || status == MemberStatus.RESIGNED, ILLEGAL_STATUS_TRANSITION,
                "memberId", "Seul un membre suspendu ou démissionnaire peut être réintégré ; ce membre est " + status + ".");
        apply(new MemberReinstatedEvent(memberId, status, reason));
    }

    @CommandHandler
    void handle(RecordMemberResignationCommand command) {
        requireAlive();
        Require.that(status != MemberStatus.RESIGNED, ILLEGAL_STATUS_TRANSITION, "memberId",
                "La démission de ce membre est déjà enregistrée.");
        apply(new MemberResignedEvent(memberId, MemberInput.notInFuture(command.effectiveOn(), "effectiveOn"),
                MemberInput.reason(command.reason())));
    }

    @CommandHandler
    void handle(RecordMemberDeathCommand command) {
        requireAlive();
        apply(new MemberDeathRecordedEvent(memberId, MemberInput.notInFuture(command.diedOn(), "diedOn")));
    }

    @CommandHandler
    void handle(RecordDuesPaymentCommand command) {
        requireNotErased();
        String receipt = Require.text(command.receiptNumber(), TextLimit.RECEIPT_NUMBER, INVALID_INPUT,
                "Le numéro de reçu est obligatoire.");
        DuesPaymentRecordedEvent earlier = paymentsByReceipt.get(receipt);
        if (earlier != null) {
            Require.that(earlier.year() == command.year() && earlier.amountFcfa() == command.amountFcfa(),
                    DUPLICATE_RECEIPT, "receiptNumber",
                    "Le reçu « " + receipt + " » est déjà enregistré pour un autre montant ou une autre année.");
            return;
        }
        requireAlive();
        Require.that(status == MemberStatus.ACTIVE || status == MemberStatus.SUSPENDED, ILLEGAL_STATUS_TRANSITION,
                "memberId", "Une cotisation ne s'enregistre que pour un membre actif ou suspendu.");
        Require.that(command.amountFcfa() > 0, INVALID_AMOUNT, "amountFcfa",
                "Le montant doit être un nombre entier positif de francs CFA.");
        int thisYear = MemberInput.today().getYear();
        Require.that(command.year() >= 2000 && command.year() <= thisYear + 1, INVALID_INPUT, "year",
                "L'année de cotisation " + command.year() + " n'est pas plausible.");
        var paidOn = MemberInput.notInFuture(command.paidOn(), "paidOn");
        apply(new DuesPaymentRecordedEvent(memberId, command.year(), command.amountFcfa(), receipt, paidOn));
    }

    @CommandHandler
    void handle(ErasePersonalDataCommand command) {
        Require.that(!personalDataErased, ALREADY_ERASED, "memberId",
                "Les données personnelles de ce membre sont déjà effacées.");
        String reason = MemberInput.requiredReason(command.reason(), "Le motif de l'effacement est obligatoire.");
        apply(new MemberPersonalDataErasedEvent(memberId, reason));
    }

    /** Refuses a command about a member whose personal data is erased, then one about a deceased member. */
    private void requireAlive() {
        requireNotErased();
        Require.that(status != MemberStatus.DECEASED, MEMBER_DECEASED, "memberId",
                "Ce membre est décédé : son dossier ne peut plus être modifié.");
    }

    private void requireNotErased() {
        Require.that(!personalDataErased, PERSONAL_DATA_ERASED, "memberId",
                "Les données personnelles de ce membre ont été effacées : son dossier ne peut plus être modifié.");
    }

    private void requireStatus(MemberStatus expected, String message) {
        Require.that(status == expected, ILLEGAL_STATUS_TRANSITION, "memberId", message + " Ce membre est " + status + ".");
    }

    private static void requireFreeNationalId(MemberDirectory members, String nationalId) {
        requireFree(nationalId == null ? Optional.empty() : members.memberWithNationalId(nationalId), nationalId);
    }

    private static void requireFree(Optional<String> nationalIdHolder, String nationalId) {
        if (nationalIdHolder.isPresent()) {
            throw MemberDirectory.nationalIdTaken(nationalId);
        }
    }

    /** The next card number of the local unit's region. */
    private static String allocatedCardNumber(MemberDirectory members, OrgUnitDirectory units, OrgUnitEntry localUnit) {
        OrgUnitEntry region = units.regionOf(localUnit.orgUnitId()).orElseThrow(() -> new CommandRefusedException(
                UNKNOWN_ORG_UNIT, "localUnitId", "La région de cette unité locale est inconnue."));
        return members.allocateCardNumber(region.code());
    }

    @EventSourcingHandler
    void on(MemberRegisteredEvent event) {
        memberId = event.memberId();
        lastName = event.lastName();
        firstName = event.firstName();
        gender = event.gender();
        birthYear = event.birthYear();
        phone = event.phone();
        nationalId = event.nationalId();
        disability = event.disability();
        trades = event.trades();
        localUnitId = event.localUnitId();
        status = MemberStatus.ACTIVE;
    }

    @EventSourcingHandler
    void on(MemberIdentityCorrectedEvent event) {
        lastName = event.lastName();
        firstName = event.firstName();
        gender = event.gender();
        birthYear = event.birthYear();
        nationalId = event.nationalId();
        disability = event.disability();
    }

    @EventSourcingHandler
    void on(MemberPhoneChangedEvent event) {
        phone = event.phone();
    }

    @EventSourcingHandler
    void on(MemberTradesChangedEvent event) {
        trades = event.trades();
    }

    @EventSourcingHandler
    void on(MemberTransferredEvent event) {
        localUnitId = event.toLocalUnitId();
    }

    @EventSourcingHandler
    void on(MemberSuspendedEvent event) {
        status = MemberStatus.SUSPENDED;
    }

    @EventSourcingHandler
    void on(MemberReinstatedEvent event) {
        status = MemberStatus.ACTIVE;
    }

    @EventSourcingHandler
    void on(MemberResignedEvent event) {
        status = MemberStatus.RESIGNED;
    }

    @EventSourcingHandler
    void on(MemberDeathRecordedEvent event) {
        status = MemberStatus.DECEASED;
    }

    @EventSourcingHandler
    void on(DuesPaymentRecordedEvent event) {
        paymentsByReceipt.put(event.receiptNumber(), event);
    }

    @EventSourcingHandler
    void on(MemberPersonalDataErasedEvent event) {
        personalDataErased = true;
        lastName = PersonalData.ERASED;
        firstName = PersonalData.ERASED;
        birthYear = null;
        phone = PersonalData.ERASED;
        nationalId = nationalId == null ? null : PersonalData.ERASED;
    }
}
