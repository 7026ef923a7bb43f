import { matchProfitCall, PROFIT_SERVICE_SEGMENT } from './profit-call.js';

describe('matchProfitCall', () => {
  const segments = (tail: string) => (tail === '' ? [] : tail.split('/'));

  it.each(['MetaInfo', 'metainfo', 'METAINFO'])('reads %s as MetaInfo', (tail) => {
    expect(matchProfitCall('GET', segments(tail))).toEqual({ endpoint: 'metainfo', connector: { kind: 'metainfo' } });
  });

  it.each(['ProfitVersion', 'profitversion', 'PROFITVERSION'])('reads %s as ProfitVersion, a call that needs no grant', (tail) => {
    expect(matchProfitCall('GET', segments(tail))).toEqual({ endpoint: 'version', connector: { kind: 'metainfo' } });
  });

  it.each(['fileconnector/0A1B-2C/report.pdf', 'FileConnector/0A1B-2C/Jan_2BPiet.pdf'])('reads GET %s as a FileConnector download needing AppConnectorSubject', (tail) => {
    expect(matchProfitCall('GET', segments(tail))).toEqual({
      endpoint: 'forward',
      connector: { kind: 'special', name: 'AppConnectorSubject' },
      ungrantedAsNotFound: true,
    });
  });

  it('reads messages to the communication connector, needing CommSvcConnector', () => {
    const connector = { kind: 'special', name: 'CommSvcConnector' };
    expect(matchProfitCall('POST', segments('CommSvcConnector/messages'))).toEqual({ endpoint: 'send-message', connector });
    expect(matchProfitCall('POST', segments('commsvcconnector/Messages'))).toEqual({ endpoint: 'send-message', connector });
    expect(matchProfitCall('GET', segments('CommSvcConnector/messages/m-1'))).toEqual({ endpoint: 'message-status', connector, messageId: 'm-1' });
  });

  it.each([
    ['GET', 'connectors/Profit_Article', 'get', 'Profit_Article'],
    ['GET', 'Connectors/Profit_Article', 'get', 'Profit_Article'],
    ['POST', 'connectors/KnSubject', 'update', 'KnSubject'],
    ['PUT', 'CONNECTORS/KnSubject/KnSubjectAttachment', 'update', 'KnSubject'],
    ['DELETE', 'connectors/KnSubject/KnSubject/@SbId/12', 'update', 'KnSubject'],
    ['GET', 'SubjectConnector', 'special', 'AppConnectorSubject'],
    ['GET', 'subjectconnector/12/abc', 'special', 'AppConnectorSubject'],
  ])('reads %s %s as the %s connector %s', (method, tail, kind, name) => {
    expect(matchProfitCall(method, segments(tail))).toEqual({ endpoint: 'forward', connector: { kind, name } });
  });

  it.each([
    ['GET', ''],
    ['POST', 'ProfitVersion'],
    ['GET', 'ProfitVersion/extra'],
    ['GET', 'fileconnector/0A1B-2C'],
    ['GET', 'fileconnector/0A1B-2C/report.pdf/extra'],
    ['POST', 'fileconnector/0A1B-2C/report.pdf'],
    ['POST', 'MetaInfo'],
    ['GET', 'MetaInfo/extra'],
    ['GET', 'connectors'],
    ['PATCH', 'connectors/KnSubject'],
    ['POST', 'SubjectConnector'],
    ['GET', 'metainfox'],
    ['GET', 'CommSvcConnector/messages'],
    ['POST', 'CommSvcConnector/messages/m-1'],
    ['POST', 'CommSvcConnector'],
    ['POST', 'CommSvcConnector/other'],
    ['GET', 'CommSvcConnector/messages/m-1/more'],
  ])('serves nothing for %s %s', (method, tail) => {
    expect(matchProfitCall(method, segments(tail))).toBeNull();
  });

  it('matches the service segment in any case and nothing else', () => {
    const pattern = new RegExp(/\((.*)\)$/.exec(PROFIT_SERVICE_SEGMENT)![1]!);
    expect(['ProfitRestServices', 'profitrestservices', 'PROFITRESTSERVICES', 'pRoFiTrEsTsErViCeS'].every((s) => pattern.test(s))).toBe(true);
    expect(['ProfitRestService', 'ProfitRestServicesX', 'api'].some((s) => pattern.test(s))).toBe(false);
  });
});
