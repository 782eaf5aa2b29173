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
import org.jekafo.ballot.DecryptedTally;
import org.jekafo.ballot.ElectionKey;
import org.jekafo.ballot.ElectionPublicKey;
import org.jekafo.ballot.EncryptedBallot;
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
        List<EncryptedBallot> decoded = ballots.parallelStream().map(b -> EncryptedBallot.decode(b.choices())).toList();
        Map<String, List<EncryptedBallot>> byGroup = new LinkedHashMap<>();
        for (int i = 0; i < ballots.size(); i++) {
            List<String> groups = ballots.get(i).voter().groups();
            for (int d = 0; d < groups.size(); d++) {
                String group = Suppression.key(VoterGroup.DIMENSIONS.get(d), groups.get(d));
                if (!suppressed.contains(group)) {
                    byGroup.computeIfAbsent(group, g -> new ArrayList<>()).add(decoded.get(i));
                }
            }
        }
        DecryptedTally overall = key.decryptTally(form, Tally.of(form, decoded));
        Map<String, DecryptedTally> perGroup = new ConcurrentHashMap<>();
        byGroup.entrySet().parallelStream().forEach(group ->
                perGroup.put(group.getKey(), key.decryptTally(form, Tally.of(form, group.getValue()))));
        List<QuestionResult> results = new ArrayList<>();
        for (int q = 0; q < choices.size(); q++) {
            Question question = choices.get(q);
            List<OptionResult> options = new ArrayList<>();
            long chosen = 0;
            for (int o = 0; o < question.options().size(); o++) {
                ProvenDecryption total = overall.decryptions().get(q).get(o);
                chosen += total.value();
                options.add(new OptionResult(question.options().get(o).optionId(), total.value(),
                        groupCounts(perGroup, suppressed, q, o), total.encode()));
            }
            boolean single = question.kind() != QuestionKind.MULTIPLE_CHOICE;
            OptionResult blank = single ? new OptionResult(null, overall.ballotCount() - chosen, List.of(), null) : null;
            results.add(new QuestionResult(question.questionId(), options, blank));
        }
        return results;
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
