# The lesson site as a container image: docker build -t kubelab-site . && docker run --rm -p 8080:8080 --read-only --tmpfs /tmp kubelab-site
# (README, "Deploying": what it listens on, its probes, metrics and settings.)

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# Restore first, from the project files alone, so that a change of code reuses the restored layer.
COPY Directory.Build.props Directory.Packages.props ./
COPY src/KubeLab.ControlPlane/KubeLab.ControlPlane.csproj src/KubeLab.ControlPlane/
COPY src/KubeLab.Scenarios/KubeLab.Scenarios.csproj src/KubeLab.Scenarios/
COPY site/KubeLab.Site/KubeLab.Site.csproj site/KubeLab.Site/BlazorWebScript.targets site/KubeLab.Site/
RUN dotnet restore site/KubeLab.Site/KubeLab.Site.csproj
COPY src/ src/
COPY site/ site/
COPY scenarios/ scenarios/
# The lessons go into the output beside the executable (the site's project copies scenarios/).
RUN dotnet publish site/KubeLab.Site/KubeLab.Site.csproj -c Release --no-restore -o /app -p:UseAppHost=false

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
# Listen on 8080 on every interface (the base image's ASPNETCORE_HTTP_PORTS is cleared: ASPNETCORE_URLS says it all).
# Workstation GC: a replica is one of several, and server GC's heap per core is memory the learners' clusters need.
# The connect endpoint (learners' own kubectl) is off unless Connect__Url names an HTTPS address to listen on.
ENV ASPNETCORE_URLS=http://+:8080 \
    ASPNETCORE_HTTP_PORTS= \
    DOTNET_gcServer=0 \
    KUBELAB_SCENARIOS=/app/scenarios \
    Connect__Url=
# A user with no home and no write access to anything but /tmp (mount an emptyDir there): the site writes nothing,
# its Data Protection keys are in memory.
USER 10001
EXPOSE 8080
ENTRYPOINT ["dotnet", "KubeLab.Site.dll"]
