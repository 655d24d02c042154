// project.qde read in one streaming pass: every part of the standard lands in the document, the
// first of a part read once counts (a second <CodeBook>, a second <Description>), names in any
// case or with a prefix are read, and what Marginalia does not read is listed in document order.
import { describe, expect, it } from 'vitest';
import { parseQde } from '../../../shared/refi/qdeParse';
import { XmlFileError } from '../../../shared/refi/xmlScan';

const G = (n: number): string => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

const XML = `<?xml version="1.0" encoding="UTF-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="Study &amp; more" origin="Tool" creationDateTime="2024-01-01T00:00:00Z">
  <Users><User guid="${G(1)}" name="Ana"/><User guid="${G(2)}"/></Users>
  <CodeBook>
    <Codes>
      <Code guid="${G(10)}" name="Place" isCodable=" FALSE " color="#F00">
        <Description>first</Description><Description>second</Description>
        <NoteRef targetGUID="${G(40)}"/><NoteRef targetGUID=""/>
        <code guid="${G(11)}" name="City" isCodable="true"/>
      </Code>
    </Codes>
    <Codes><Code guid="${G(12)}" name="Ignored" isCodable="true"/></Codes>
  </CodeBook>
  <CodeBook><Codes><Code guid="${G(13)}" name="Ignored too" isCodable="true"/></Codes></CodeBook>
  <Variables><Variable guid="${G(20)}" name="Age" typeOfVariable=" integer "><Description>years</Description></Variable></Variables>
  <Cases>
    <Case guid="${G(30)}" name="Ana">
      <CodeRef targetGUID="${G(10)}"/>
      <VariableValue><VariableRef targetGUID="${G(20)}"/><VariableRef targetGUID="${G(99)}"/><IntegerValue>42</IntegerValue><TextValue>no</TextValue></VariableValue>
      <VariableValue><TextValue>no reference</TextValue></VariableValue>
      <VariableValue/>
      <SourceRef targetGUID="${G(50)}"/><SelectionRef targetGUID="${G(60)}"/>
    </Case>
  </Cases>
  <Sources>
    <qda:TextSource xmlns:qda="urn:QDA-XML:project:1.0" guid="${G(50)}" name="Interview" plainTextPath="internal://${G(50)}.txt" creatingUser="${G(1)}">
      <qda:Description>About <![CDATA[<this>]]> one</qda:Description>
      <PlainTextSelection guid="${G(60)}" name="sel" startPosition=" 3 " endPosition="1e3" creatingUser="${G(1)}">
        <Description>comment</Description>
        <Coding guid="${G(70)}" creatingUser="${G(2)}" creationDateTime="2024-01-02T00:00:00Z"><CodeRef targetGUID="${G(11)}"/><CodeRef targetGUID="${G(10)}"/><NoteRef guid="${G(41)}"/></Coding>
        <NoteRef targetGUID="${G(42)}"/>
      </PlainTextSelection>
      <Coding guid="${G(71)}"/>
      <PictureSelection guid="${G(80)}"/><AudioSelection guid="${G(81)}"/>
      <VariableValue><VariableRef targetGUID="${G(20)}"/><TextValue>x</TextValue></VariableValue>
    </qda:TextSource>
    <PictureSource guid="${G(51)}" name="photo.jpg"><PictureSelection guid="${G(82)}"/></PictureSource>
    <PDFSource guid="${G(52)}" name="paper.pdf" path="internal://p.pdf">
      <PDFSelection guid="${G(83)}"/><PDFSelection guid="${G(84)}"/>
      <Representation guid="${G(53)}" name="rep"><PlainTextContent>PDF&#13;&#10;text</PlainTextContent><TranscriptSelection guid="${G(85)}"/></Representation>
      <Representation guid="${G(54)}"><PlainTextContent>ignored</PlainTextContent></Representation>
      <Coding guid="${G(72)}"/>
    </PDFSource>
    <PDFSource guid="${G(55)}"/>
    <FancySource guid="${G(56)}"/>
  </Sources>
  <Notes><Note guid="${G(40)}" name="Memo" creatingUser="${G(1)}"><PlainTextContent>Body</PlainTextContent><VideoSelection guid="${G(86)}"/></Note></Notes>
  <Links><Link guid="${G(90)}"/><Link guid="${G(91)}"/></Links>
  <Sets><Set guid="${G(95)}" name="S"><MemberCode targetGUID="${G(10)}"/><MemberSource targetGUID="${G(50)}"/><MemberNote targetGUID="${G(40)}"/></Set></Sets>
  <Graphs><Graph guid="${G(96)}" name="Map"/></Graphs>
  <Description>The project</Description>
  <NoteRef targetGUID="${G(43)}"/>
</Project>`;

describe('parseQde', () => {
  it('reads every part of a project file, the first of each once-only part, in any case and with prefixes', () => {
    const doc = parseQde(XML);
    expect(doc).toMatchObject({ name: 'Study & more', origin: 'Tool', creationDateTime: '2024-01-01T00:00:00Z', description: 'The project', noteRefs: [G(43)] });
    expect(doc.users).toEqual([{ guid: G(1), name: 'Ana' }, { guid: G(2) }]);
    expect(doc.codes).toEqual([
      {
        guid: G(10),
        name: 'Place',
        isCodable: false,
        color: '#F00',
        description: 'first',
        noteRefs: [G(40)],
        children: [{ guid: G(11), name: 'City', isCodable: true, noteRefs: [], children: [] }],
      },
    ]);
    expect(doc.variables).toEqual([{ guid: G(20), name: 'Age', type: 'Integer', description: 'years' }]);
    expect(doc.cases).toEqual([
      { guid: G(30), name: 'Ana', codeRefs: [G(10)], values: [{ variableRef: G(20), kind: 'IntegerValue', value: '42' }], sourceRefs: [G(50)], selectionRefs: [G(60)] },
    ]);
    const [text, pdf] = doc.sources;
    expect(doc.sources).toHaveLength(2);
    expect(text).toMatchObject({ guid: G(50), name: 'Interview', plainTextPath: `internal://${G(50)}.txt`, creatingUser: G(1), description: 'About <this> one' });
    expect(text!.selections).toEqual([
      {
        guid: G(60),
        name: 'sel',
        start: 3,
        end: Number.NaN,
        creatingUser: G(1),
        description: 'comment',
        codings: [{ guid: G(70), codeRef: G(11), creatingUser: G(2), creationDateTime: '2024-01-02T00:00:00Z', noteRefs: [G(41)] }],
        noteRefs: [G(42)],
      },
    ]);
    expect(text!.codings).toEqual([{ guid: G(71), codeRef: '', noteRefs: [] }]);
    expect(text!.variableValues).toEqual([{ variableRef: G(20), kind: 'TextValue', value: 'x' }]);
    expect(pdf).toMatchObject({ guid: G(53), name: 'rep', plainTextContent: 'PDF\r\ntext', pdf: { guid: G(52), name: 'paper.pdf', path: 'internal://p.pdf', regionSelections: 2 } });
    expect(doc.notes).toMatchObject([{ guid: G(40), name: 'Memo', creatingUser: G(1), plainTextContent: 'Body' }]);
    expect(doc.sets).toEqual([{ guid: G(95), name: 'S', memberCodes: [G(10)], memberSources: [G(50)], memberNotes: [G(40)] }]);
    expect(doc.unsupported).toEqual([
      { what: '2 non-text selections', name: 'Interview' },
      { what: 'picture source', name: 'photo.jpg' },
      { what: '1 non-text selection', name: 'rep' },
      { what: '2 region selections (page areas) of a PDF', name: 'paper.pdf' },
      { what: '1 coding of a whole PDF', name: 'paper.pdf' },
      { what: 'PDF source without a plain-text representation', name: G(55) },
      { what: '<FancySource> source', name: G(56) },
      { what: '2 links between items', name: 'Links' },
      { what: 'graph', name: 'Map' },
      { what: '1 non-text selection', name: 'Memo' },
    ]);
  });

  it('refuses a file whose root is not a project', () => {
    expect(() => parseQde('<CodeBook/>')).toThrow(XmlFileError);
    expect(() => parseQde('<CodeBook/>')).toThrow('its root element is <CodeBook>, not <Project>');
  });
});
