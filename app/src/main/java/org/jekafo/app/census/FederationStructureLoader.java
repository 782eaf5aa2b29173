package org.jekafo.app.census;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.axonframework.common.IdentifierFactory;
import org.jekafo.api.common.Channel;
import org.jekafo.api.orgunit.CreateOrgUnitCommand;
import org.jekafo.api.orgunit.OrgUnitLevel;
import org.jekafo.app.platform.messaging.CommandSender;
import org.jekafo.app.platform.messaging.CommandSender.CommandContext;
import org.jekafo.app.platform.gate.ActingPrincipal;
import org.jekafo.command.orgunit.OrgUnitDirectory;
import org.jekafo.command.orgunit.OrgUnitEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * On start, creates through commands the units of the reference tree ({@code federation-structure.csv},
 * the 2017–2021 layout) that do not exist yet: the first start loads it, later starts add nothing.
 */
@Component
@Order(0)
@ConditionalOnProperty(name = "jekafo.reference.load-federation-structure", havingValue = "true", matchIfMissing = true)
class FederationStructureLoader implements ApplicationRunner {

    static final ActingPrincipal SYSTEM = ActingPrincipal.system("system");
    private static final Logger LOG = LoggerFactory.getLogger(FederationStructureLoader.class);

    private final CommandSender sender;
    private final OrgUnitDirectory directory;

    FederationStructureLoader(CommandSender sender, OrgUnitDirectory directory) {
        this.sender = sender;
        this.directory = directory;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        var resource = new ClassPathResource("reference/federation-structure.csv");
        int created = 0;
        CommandContext context = CommandContext.of(SYSTEM, Channel.SYSTEM);
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
        try (var parser = format.parse(new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8))) {
            for (CSVRecord record : parser) {
                List<String> cells = record.toList();
                String code = cells.get(1);
                if (directory.findByCode(code).isPresent()) {
                    continue;
                }
                String parentCode = cells.size() > 3 ? cells.get(3) : "";
                String parentId = parentCode.isBlank() ? null
                        : directory.findByCode(parentCode).map(OrgUnitEntry::orgUnitId).orElseThrow(
                                () -> new IllegalStateException("parent " + parentCode + " of " + code + " is missing"));
                sender.send(new CreateOrgUnitCommand(IdentifierFactory.getInstance().generateIdentifier(), code, cells.get(2),
                        OrgUnitLevel.valueOf(cells.get(0)), parentId), context);
                created++;
            }
        }
        if (created > 0) {
            LOG.info("Federation structure: {} units created from the reference tree", created);
        }
    }
}
