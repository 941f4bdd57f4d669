global using TuneAdvisor.Tests.Support;
