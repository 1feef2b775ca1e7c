// Azure resources for Critical Friend: one Linux App Service (tab + bot + API) and an Azure Bot,
// both using one user-assigned managed identity, so there is no bot password or client secret.
// Deployed by teamsapp.yml (arm/deploy); outputs are written to env/.env.<env>.

@description('Name prefix; a hash of the resource group is appended so names are unique.')
@maxLength(24)
param resourceBaseName string

@description('Client id of the tab Entra app (SSO / nested app authentication token audience).')
param aadAppClientId string

@description('Comma-separated tenant ids allowed to sign in: the partnership tenant, and partners\' home tenants for guests.')
param allowedTenantIds string

@secure()
@minLength(32)
@description('Signs the single-use response links emailed to people Teams cannot reach (LINK_SIGNING_KEY).')
param linkSigningKey string

@description('The partnership\'s SharePoint site, the system of record (SHAREPOINT_SITE_URL), e.g. https://contoso.sharepoint.com/sites/scrutiny. Provision it first: npm run provision -- --site <url>; see docs/sharepoint.md.')
param sharePointSiteUrl string

@maxLength(42)
param botDisplayName string = 'Critical Friend'

@description('B1 is the smallest Linux tier with Always On, needed for proactive messages.')
param webAppSku string = 'B1'

param location string = resourceGroup().location

var name = '${resourceBaseName}-${uniqueString(resourceGroup().id)}'

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${name}-id'
  location: location
}

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: '${name}-plan'
  location: location
  kind: 'linux'
  sku: {
    name: webAppSku
  }
  properties: {
    reserved: true // Linux
  }
}

resource webApp 'Microsoft.Web/sites@2023-12-01' = {
  name: name
  location: location
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    siteConfig: {
      linuxFxVersion: 'NODE|22-lts'
      appCommandLine: 'npm start'
      alwaysOn: true
      ftpsState: 'Disabled'
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      appSettings: [
        {
          name: 'NODE_ENV'
          value: 'production'
        }
        {
          name: 'STORE'
          value: 'sharepoint'
        }
        {
          name: 'SHAREPOINT_SITE_URL'
          value: sharePointSiteUrl
        }
        // Runs the zip uploaded by azureAppService/zipDeploy read-only, as built.
        {
          name: 'WEBSITE_RUN_FROM_PACKAGE'
          value: '1'
        }
        // Graph/SharePoint calls authenticate as this identity.
        {
          name: 'MANAGED_IDENTITY_CLIENT_ID'
          value: identity.properties.clientId
        }
        // Agents SDK: clientId with no secret or certificate selects user-assigned managed identity.
        {
          name: 'clientId'
          value: identity.properties.clientId
        }
        {
          name: 'tenantId'
          value: identity.properties.tenantId
        }
        {
          name: 'ENTRA_TENANT_ID'
          value: identity.properties.tenantId
        }
        {
          name: 'ENTRA_API_CLIENT_ID'
          value: aadAppClientId
        }
        // The tab asks for api://<host>/<client id>/access_as_user (from PUBLIC_URL); the app
        // registration requests v2 access tokens, whose aud is the client id itself, which is
        // the API's default audience (ENTRA_API_AUDIENCE is not set).
        {
          name: 'PUBLIC_URL'
          value: 'https://${name}.azurewebsites.net' // the web app's default host name
        }
        {
          name: 'HOST'
          value: '0.0.0.0'
        }
        // App Service's front end is one proxy: per-address rate limits read the client's address.
        {
          name: 'TRUST_PROXY'
          value: '1'
        }
        {
          name: 'ALLOWED_TENANT_IDS'
          value: allowedTenantIds
        }
        {
          name: 'LINK_SIGNING_KEY'
          value: linkSigningKey
        }
      ]
    }
  }
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: name
  location: 'global'
  kind: 'azurebot'
  sku: {
    name: 'F0' // the Teams channel is free
  }
  properties: {
    displayName: botDisplayName
    endpoint: 'https://${webApp.properties.defaultHostName}/api/messages'
    msaAppType: 'UserAssignedMSI'
    msaAppId: identity.properties.clientId
    msaAppMSIResourceId: identity.id
    msaAppTenantId: identity.properties.tenantId
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
      acceptedTerms: true
      deploymentEnvironment: 'CommercialDeployment'
    }
  }
}

// Output names become env/.env.<env> variables, so they match the manifest placeholders.
output BOT_ID string = identity.properties.clientId
output MANAGED_IDENTITY_CLIENT_ID string = identity.properties.clientId
output BOT_AZURE_APP_SERVICE_RESOURCE_ID string = webApp.id
output BOT_DOMAIN string = webApp.properties.defaultHostName
output BOT_ENDPOINT string = 'https://${webApp.properties.defaultHostName}'
output TAB_DOMAIN string = webApp.properties.defaultHostName
output TAB_ENDPOINT string = 'https://${webApp.properties.defaultHostName}'
