'use strict';
// Workgroups. Configured with a JSON file (or inline JSON) holding WorkGroup objects
// in the shape GetWorkGroup returns:
//   {"WorkGroups": [{"Name": "primary", "State": "ENABLED",
//     "Configuration": {"ResultConfiguration": {"OutputLocation": "s3://bucket/prefix/",
//                                               "EncryptionConfiguration": {"EncryptionOption": "SSE_S3"}},
//                       "EnforceWorkGroupConfiguration": false,
//                       "ManagedQueryResultsConfiguration": {"Enabled": false}}}]}
// `primary` always exists; its OutputLocation may also come from --output-location.

const fs = require('fs');
const { parseS3Uri } = require('./s3');

const ENGINE_VERSION = { SelectedEngineVersion: 'AUTO', EffectiveEngineVersion: 'Athena engine version 3' };
const NAME_RE = /^[a-zA-Z0-9._-]{1,128}$/;

function normalize(wg, created) {
  if (!wg || typeof wg.Name !== 'string' || !NAME_RE.test(wg.Name)) {
    throw new Error(`workgroup config: each workgroup needs a Name matching [a-zA-Z0-9._-]{1,128} (got ${JSON.stringify(wg && wg.Name)})`);
  }
  const cfg = wg.Configuration || {};
  const rc = cfg.ResultConfiguration || {};
  if (rc.OutputLocation !== undefined && !parseS3Uri(rc.OutputLocation)) {
    throw new Error(`workgroup config: ${wg.Name}: OutputLocation '${rc.OutputLocation}' is not a valid S3 path (s3://bucket/prefix/)`);
  }
  const state = wg.State || 'ENABLED';
  if (!['ENABLED', 'DISABLED'].includes(state)) throw new Error(`workgroup config: ${wg.Name}: State must be ENABLED or DISABLED`);
  return {
    Name: wg.Name,
    State: state,
    Description: wg.Description,
    CreationTime: created,
    Configuration: {
      ResultConfiguration: {
        ...(rc.OutputLocation ? { OutputLocation: rc.OutputLocation } : {}),
        ...(rc.EncryptionConfiguration ? { EncryptionConfiguration: rc.EncryptionConfiguration } : {}),
        ...(rc.ExpectedBucketOwner ? { ExpectedBucketOwner: rc.ExpectedBucketOwner } : {}),
        ...(rc.AclConfiguration ? { AclConfiguration: rc.AclConfiguration } : {}),
      },
      EnforceWorkGroupConfiguration: !!cfg.EnforceWorkGroupConfiguration,
      PublishCloudWatchMetricsEnabled: !!cfg.PublishCloudWatchMetricsEnabled,
      RequesterPaysEnabled: !!cfg.RequesterPaysEnabled,
      EngineVersion: ENGINE_VERSION,
      ManagedQueryResultsConfiguration: { Enabled: !!(cfg.ManagedQueryResultsConfiguration && cfg.ManagedQueryResultsConfiguration.Enabled) },
    },
  };
}

/**
 * @param {{source?: string, defaultOutputLocation?: string}} opts source: a file path or inline JSON
 * @returns {Map<string, object>}
 */
function loadWorkgroups(opts = {}) {
  const created = Date.now() / 1000;
  let list = [];
  if (opts.source) {
    const text = /^\s*[[{]/.test(opts.source) ? opts.source : fs.readFileSync(opts.source, 'utf8');
    let json;
    try {
      json = JSON.parse(text);
    } catch (e) {
      throw new Error(`workgroup config ${opts.source.length > 80 ? '(inline JSON)' : opts.source}: invalid JSON: ${e.message}`);
    }
    list = Array.isArray(json) ? json : json.WorkGroups || json.workgroups || [];
    if (!Array.isArray(list)) throw new Error('workgroup config: expected {"WorkGroups": [...]} or an array of WorkGroup objects');
  }
  const map = new Map();
  for (const wg of list) map.set(wg.Name, normalize(wg, created));
  if (!map.has('primary')) {
    const rc = opts.defaultOutputLocation ? { OutputLocation: opts.defaultOutputLocation } : {};
    map.set('primary', normalize({ Name: 'primary', Configuration: { ResultConfiguration: rc } }, created));
  } else if (opts.defaultOutputLocation && !map.get('primary').Configuration.ResultConfiguration.OutputLocation) {
    map.get('primary').Configuration.ResultConfiguration.OutputLocation = opts.defaultOutputLocation;
  }
  return map;
}

module.exports = { loadWorkgroups, ENGINE_VERSION };
