# The review service as a container image. Build the jar first (./tieout --help builds it, or
# mvn -DskipTests install), then: docker build -t tieout .
FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 tieout
COPY review-api/target/tieout.jar /app/tieout.jar
USER tieout
EXPOSE 8080
# SPRING_DATASOURCE_URL / _USERNAME / _PASSWORD point it at PostgreSQL.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/tieout.jar", "serve", "--address", "0.0.0.0"]
