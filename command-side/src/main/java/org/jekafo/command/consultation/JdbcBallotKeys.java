package org.jekafo.command.consultation;

import org.jekafo.api.consultation.Answer;
import org.jekafo.api.consultation.GroupCount;
import org.jekafo.api.consultation.OptionResult;
import org.jekafo.api.consultation.Question;
import org.jekafo.api.consultation.QuestionKind;
import org.jekafo.api.consultation.QuestionResult;
import org.jekafo.api.consultation.VoterGroup;
import org.jekafo.ballot.AnswerRule;
import org.jekafo.ballot.BallotForm;
import org.jekafo.ballot.Ciphertext;
import org.jekafo.ballot.DecryptedTally;
import org.jekafo.ballot.ElectionKey;
import org.jekafo.ballot.ElectionPublicKey;
import org.jekafo.ballot.EncryptedBallot;
import org.jekafo.ballot.TallyForm;
import org.jekafo.ballot.ProvenDecryption;
import org.jekafo.ballot.QuestionForm;
import org.jekafo.ballot.Tally;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A secret consultation's key and ballots ({@code ballot-crypto}): the key pair is made at opening, its private half
 * kept in {@code consultation_key} until the tally is recorded and emptied in that same transaction (after which no
 * one, operators included, can decrypt a single ballot); ballots are encrypted here, for every channel alike (a
 * feature phone cannot encrypt), with the proofs that each is valid; the tally adds them up encrypted and decrypts
 * only the sums, in all and for each group of at least five voters, each decryption with its proof.
 */
@Component
class JdbcBallotKeys implements BallotKeys {

    private final JdbcTemplate jdbc;
    private final SecureRandom random = new SecureRandom();
    /** Public keys with their precomputed tables (building one costs about a third of a second), per consultation. */
    private final Map<String, ElectionPublicKey> prepared = new ConcurrentHashMap<>();

    JdbcBallotKeys(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String create(String consultationId) {
        ElectionKey key = ElectionKey.generate(random);
        jdbc.update("insert into consultation_key (consultation_id, secret) values (?, ?)", consultationId,
                Base64.getEncoder().encodeToString(key.privateBytes()));
        return key.publicKey().encode();
    }

    @Override
    public Sealed seal(ConsultationEntry consultation, List<Question> choices, List<Answer> answers) {
        ElectionPublicKey key = prepared.computeIfAbsent(consultation.consultationId(),
                id -> ElectionPublicKey.decode(consultation.publicKey()).prepare());
        BallotForm form = form(consultation.consultationId(), choices);
        List<int[]> vectors = new ArrayList<>();
        for (Question question : choices) {
            List<String> chosen = answers.stream().filter(a -> a.questionId().equals(question.questionId()))
                    .findFirst().map(Answer::optionIds).orElse(List.of());
            int[] vector = new int[question.options().size()];
            for (int o = 0; o < vector.length; o++) {
                vector[o] = chosen.contains(question.options().get(o).optionId()) ? 1 : 0;
            }
            vectors.add(vector);
        }
        EncryptedBallot ballot = EncryptedBallot.encrypt(key, form, vectors, random);
        return new Sealed(ballot.encode(), ballot.receiptCode().display());
    }

    /** The form the ballots of these questions take: each option 0 or 1, between none (blank) and the maximum. */
    static BallotForm form(String consultationId, List<Question> choices) {
        return new BallotForm(consultationId, choices.stream().map(q -> new QuestionForm(q.questionId(),
                AnswerRule.multipleChoice(q.options().size(), 0, Math.max(1, q.maxChoices())))).toList());
    }

    @Override
    public List<QuestionResult> tally(String consultationId, List<Question> choices, List<BoxedBallot> ballots,
                                      Set<String> suppressed) {
        ElectionKey key = ElectionKey.fromPrivateBytes(Base64.getDecoder().decode(jdbc.queryForObject(
                "select secret from consultation_key where consultation_id = ?", String.class, consultationId)));
        BallotForm form = form(consultationId, choices);
        Map<List<String>, Sums> byVoterGroups = sumsByVoterGroups(form, ballots);
        Sums overall = new Sums(form);
        Map<String, Sums> byGroup = new LinkedHashMap<>();
        byVoterGroups.forEach((groups, sums) -> {
            overall.add(sums);
            for (int d = 0; d < groups.size(); d++) {
                String group = Suppression.key(VoterGroup.DIMENSIONS.get(d), groups.get(d));
                if (!suppressed.contains(group)) {
                    byGroup.computeIfAbsent(group, g -> new Sums(form)).add(sums);
                }
            }
        });
        DecryptedTally total = key.decryptTally(form, overall.tally());
        Map<String, DecryptedTally> perGroup = new ConcurrentHashMap<>();
        byGroup.entrySet().parallelStream().forEach(group ->
                perGroup.put(group.getKey(), key.decryptTally(form, group.getValue().tally())));
        List<QuestionResult> results = new ArrayList<>();
        for (int q = 0; q < choices.size(); q++) {
            Question question = choices.get(q);
            List<OptionResult> options = new ArrayList<>();
            long chosen = 0;
            for (int o = 0; o < question.options().size(); o++) {
                ProvenDecryption decrypted = total.decryptions().get(q).get(o);
                chosen += decrypted.value();
                options.add(new OptionResult(question.options().get(o).optionId(), decrypted.value(),
                        groupCounts(perGroup, suppressed, q, o), decrypted.encode()));
            }
            boolean single = question.kind() != QuestionKind.MULTIPLE_CHOICE;
            OptionResult blank = single ? new OptionResult(null, total.ballotCount() - chosen, List.of(), null) : null;
            results.add(new QuestionResult(question.questionId(), options, blank));
        }
        return results;
    }

    /**
     * The ballots added up per combination of voter groups, each ballot's ciphertexts read (its proofs passed over),
     * added and dropped at once (a national consultation's ballots decoded with their proofs would not fit in memory
     * together), on every core.
     */
    private static Map<List<String>, Sums> sumsByVoterGroups(BallotForm form, List<BoxedBallot> ballots) {
        int slices = Math.max(1, Runtime.getRuntime().availableProcessors());
        int size = (ballots.size() + slices - 1) / slices;
        List<Map<List<String>, Sums>> partial = java.util.stream.IntStream.range(0, slices).parallel()
                .mapToObj(slice -> {
                    Map<List<String>, Sums> sums = new java.util.HashMap<>();
                    for (BoxedBallot ballot : ballots.subList(Math.min(ballots.size(), slice * size),
                            Math.min(ballots.size(), (slice + 1) * size))) {
                        sums.computeIfAbsent(ballot.voter().groups(), g -> new Sums(form))
                                .add(TallyForm.ciphertexts(ballot.choices()));
                    }
                    return sums;
                }).toList();
        Map<List<String>, Sums> merged = new java.util.HashMap<>();
        partial.forEach(sums -> sums.forEach((groups, s) -> merged.computeIfAbsent(groups, g -> new Sums(form)).add(s)));
        return merged;
    }

    /** Encrypted sums of some ballots, per question and option, and how many ballots they hold. */
    private static final class Sums {
        private final Ciphertext[][] sums;
        private int ballots;

        Sums(BallotForm form) {
            sums = new Ciphertext[form.questions().size()][];
            for (int q = 0; q < sums.length; q++) {
                sums[q] = new Ciphertext[form.rule(q).options()];
                java.util.Arrays.fill(sums[q], Ciphertext.zero());
            }
        }

        void add(List<List<Ciphertext>> ballot) {
            if (ballot.size() != sums.length) {
                throw new IllegalArgumentException("a ballot has not the form's shape");
            }
            for (int q = 0; q < sums.length; q++) {
                List<Ciphertext> choices = ballot.get(q);
                if (choices.size() != sums[q].length) {
                    throw new IllegalArgumentException("a ballot has not the form's shape");
                }
                for (int o = 0; o < sums[q].length; o++) {
                    sums[q][o] = sums[q][o].add(choices.get(o));
                }
            }
            ballots++;
        }

        void add(Sums other) {
            for (int q = 0; q < sums.length; q++) {
                for (int o = 0; o < sums[q].length; o++) {
                    sums[q][o] = sums[q][o].add(other.sums[q][o]);
                }
            }
            ballots += other.ballots;
        }

        Tally tally() {
            List<List<Ciphertext>> normalized = new ArrayList<>();
            for (Ciphertext[] question : sums) {
                normalized.add(java.util.Arrays.stream(question)
                        .map(c -> new Ciphertext(c.alpha().normalize(), c.beta().normalize())).toList());
            }
            return new Tally(ballots, normalized);
        }
    }

    private static List<GroupCount> groupCounts(Map<String, DecryptedTally> perGroup, Set<String> suppressed,
                                                int question, int option) {
        List<GroupCount> counts = new ArrayList<>();
        perGroup.forEach((group, tally) -> {
            String[] parts = group.split("/", 2);
            counts.add(new GroupCount(parts[0], parts[1], (long) tally.decryptions().get(question).get(option).value()));
        });
        suppressed.forEach(group -> {
            String[] parts = group.split("/", 2);
            counts.add(new GroupCount(parts[0], parts[1], null));
        });
        counts.sort(java.util.Comparator.comparing(GroupCount::dimension).thenComparing(GroupCount::group));
        return counts;
    }

    @Override
    public void destroy(String consultationId) {
        jdbc.update("update consultation_key set secret = null, destroyed_at = ? where consultation_id = ?",
                Timestamp.from(Instant.now()), consultationId);
        prepared.remove(consultationId);
    }

}
